using System.Runtime.CompilerServices;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Requests;

/// <summary>
/// A host may pass one long-lived token (its shutdown token) to every call. A call that has
/// finished unregisters from it, so the token does not keep every finished call, and the
/// caller's buffer it holds, alive until the host shuts down.
/// </summary>
public class FinishedCallTokenTests
{
    [Fact]
    public void A_finished_call_lets_go_of_the_callers_buffer_though_its_token_lives_on()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        using var lifetime = new CancellationTokenSource();

        var buffer = WriteAndForget(pty, m, lifetime.Token);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(buffer.IsAlive, pty.At("the finished write's buffer is still referenced (by its token's registration)"));
        Assert.Equal("abc", pty.ReadText(s));
        GC.KeepAlive(lifetime);
        pty.CloseAllAndCheckClean(m, s);
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // the buffer must be out of this test's reach when it collects
    private static WeakReference WriteAndForget(DeterministicPty pty, int fd, CancellationToken token)
    {
        var data = Bytes.Of("abc");
        Assert.Equal(3, pty.Ok(pty.Posix.WriteAsync(fd, data, cancellationToken: token), "write"));
        return new WeakReference(data);
    }
}
