using Akka.Actor;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// H3, PD13, R9: a close waiting for its output to drain is answered even when the host's actor
/// system stops under it. The Clone, which answers a close once its side has gone, stops with
/// the system then, so the side answers the close itself as it stops.
/// </summary>
public sealed class DrainingCloseAtShutdownTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_close_draining_when_the_host_actor_system_terminates_still_returns_success()
    {
        var host = ActorSystem.Create("drain-at-shutdown");
        try
        {
            var ptys = PtySystem.Attach(host);
            var posix = ptys.Posix;
            var manager = (int)(await posix.OpenManagerAsync(OpenFlags.None)).Value; // blocking: its close drains (H3)
            Assert.True((await posix.GrantAsync(manager)).IsOk);
            Assert.True((await posix.UnlockAsync(manager)).IsOk);
            var subsidiary = (await posix.OpenAsync(ptys.Posix.SubsidiaryPathOf(manager)!, OpenFlags.NonBlock)).Value;
            Assert.True(subsidiary > 0);
            // The subsidiary never reads: its read queue fills (2048, D17) and ptm's queue keeps the
            // rest, less than its high-water mark, so the write returns (D13, D14).
            Assert.True((await posix.WriteAsync(manager, Bytes.Repeat('m', 2048 + 256))).IsOk);

            var close = posix.CloseAsync(manager);
            await ptys.WhenIdleAsync();
            Assert.False(close.IsCompleted, "the close should be waiting for ptm's queue to drain (H3)");

            await host.Terminate().WaitAsync(Patience);
            var result = await close.WaitAsync(Patience); // R9: answered, not left waiting
            Assert.True(result.IsOk, $"a close ended by the shutdown gave {result}");
        }
        finally
        {
            await host.Terminate();
        }
    }
}
