using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Lifecycle;

/// <summary>
/// Closing one side while the other is mid-write and mid-read, over many deterministic seeds
/// (L12, L13, L14, L15, L16, D16, H3, PD5, PD14): a blocking close waits for its output to
/// drain, at most 15 s of virtual time; every call completes once the system is idle, except a
/// manager write held at the subsidiary's close, which waits for the manager's flush (PD5); what
/// the survivor reads is an in-order prefix of what the closer wrote (exactly all of it when the
/// subsidiary closes, D16; a prefix when the manager closes, L14 discards what the drain left),
/// what the closer read is a prefix of what the survivor wrote, and no minor leaks.
/// </summary>
public class CloseUnderLoadTests
{
    private const int Seeds = 200;

    [Fact]
    public void L14_and_PD14_manager_close_under_load_loses_only_its_own_queued_output_and_leaks_nothing()
    {
        for (var seed = 1; seed <= Seeds; seed++) Run(seed, closeManager: true, crash: false);
    }

    [Fact]
    public void L12_D16_and_PD14_subsidiary_close_under_load_delivers_everything_it_accepted_and_leaks_nothing()
    {
        for (var seed = 1; seed <= Seeds; seed++) Run(seed, closeManager: false, crash: false);
    }

    [Fact]
    public void PD13_and_PD14_manager_crash_under_load_leaves_no_call_pending_and_leaks_nothing()
    {
        for (var seed = 1; seed <= Seeds; seed++) Run(seed, closeManager: true, crash: true);
    }

    [Fact]
    public void PD13_and_PD14_subsidiary_crash_under_load_leaves_no_call_pending_and_leaks_nothing()
    {
        for (var seed = 1; seed <= Seeds; seed++) Run(seed, closeManager: false, crash: true);
    }

    private static void Run(int seed, bool closeManager, bool crash)
    {
        var random = new Random(seed);
        using var pty = new DeterministicPty(seed);
        var (m, s) = pty.OpenPair();
        var fromManager = Bytes.Pattern(random.Next(1, 12000), seed * 2);
        var fromSubsidiary = Bytes.Pattern(random.Next(1, 12000), seed * 2 + 1);
        var managerBuffer = new byte[random.Next(1, 5000)];
        var subsidiaryBuffer = new byte[random.Next(1, 5000)];

        // Everything started at once: the seed decides how the actors interleave them.
        var managerWrite = pty.Posix.WriteAsync(m, fromManager);
        var subsidiaryWrite = pty.Posix.WriteAsync(s, fromSubsidiary);
        var managerRead = pty.Posix.ReadAsync(m, managerBuffer);
        var subsidiaryRead = pty.Posix.ReadAsync(s, subsidiaryBuffer);
        var closer = closeManager ? m : s;
        // A crash is injected once the calls are parked: a request still in the mailbox would be the
        // message the actor fails on, and is never answered (see CrashTests, reported as a bug).
        if (crash) pty.Settle();
        var end = crash ? pty.Posix.CrashAsync(closer) : pty.Posix.CloseAsync(closer);
        pty.Settle();
        if (!end.IsCompleted)
        {
            Assert.False(crash, $"seed {seed}: a crash waited");
            pty.Sleep(Pty.SideActor.CloseTime); // H3: the drain waits at most 15 s
        }
        if (!closeManager && !managerWrite.IsCompleted)
            pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHW), "flush"); // PD5: the held manager output stays until flushed

        var where = $"seed {seed}";
        var names = new[] { "manager write", "subsidiary write", "manager read", "subsidiary read", "close" };
        var calls = new[] { managerWrite, subsidiaryWrite, managerRead, subsidiaryRead, end };
        for (var i = 0; i < calls.Length; i++)
            Assert.True(calls[i].IsCompleted, $"{where}: the {names[i]} is still pending although the system is idle");
        Assert.True(end.Result.IsOk, where);

        var (survivor, closerWrite, closerRead, survivorRead, closerData, survivorData, closerBuffer, survivorBuffer) = closeManager
            ? (s, managerWrite, managerRead, subsidiaryRead, fromManager, fromSubsidiary, managerBuffer, subsidiaryBuffer)
            : (m, subsidiaryWrite, subsidiaryRead, managerRead, fromSubsidiary, fromManager, subsidiaryBuffer, managerBuffer);

        // What the closer read is an in-order prefix of what the survivor wrote.
        if (closerRead.Result.IsOk)
            Assert.True(Bytes.IsPrefix(closerBuffer.AsSpan(0, (int)closerRead.Result.Value), survivorData), $"{where}: closer read wrong bytes");

        // What the survivor reads, its pending read first, then a drain to end of file.
        var received = new List<byte>();
        Assert.True(survivorRead.Result.IsOk, $"{where}: survivor read failed {survivorRead.Result.Errno}");
        received.AddRange(survivorBuffer.AsSpan(0, (int)survivorRead.Result.Value).ToArray());
        if (survivorRead.Result.Value > 0) received.AddRange(DrainToEof(pty, survivor, where));
        Assert.True(Bytes.IsPrefix(received.ToArray(), closerData), $"{where}: survivor read bytes out of order or not written");

        var accepted = closerWrite.Result.IsOk ? (int)closerWrite.Result.Value : 0;
        if (!closeManager && !crash)
            Assert.Equal(accepted, received.Count); // D16: a subsidiary close delivers all it accepted
        else
            Assert.True(received.Count <= accepted, $"{where}: read {received.Count}, accepted {accepted}"); // L14, PD13 may only discard

        // The survivor's own write ended too (EIO/EINVAL or a count), and closing it frees the pty.
        // A manager survivor may still hold output for the gone subsidiary (PD5): its close drains for 15 s (H3).
        pty.CloseAllAndCheckClean(crash ? [closer, survivor] : [survivor]);
    }

    /// <summary>Blocking reads until end of file: the closer is gone, so one must come (L13 or L15).</summary>
    private static List<byte> DrainToEof(DeterministicPty pty, int fd, string where)
    {
        var all = new List<byte>();
        for (var i = 0; i < 1000; i++)
        {
            var buffer = new byte[4096];
            var result = pty.Settle(pty.Posix.ReadAsync(fd, buffer));
            Assert.True(result.IsOk, $"{where}: drain read failed {result.Errno}");
            if (result.Value == 0) return all;
            all.AddRange(buffer.AsSpan(0, (int)result.Value).ToArray());
        }
        throw new Xunit.Sdk.XunitException($"{where}: no end of file after 1000 reads");
    }
}
