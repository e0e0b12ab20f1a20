using System.Diagnostics;
using static Ptm.Actors.TestKit.Scenarios.Linux.LinuxLibC;

namespace Ptm.Actors.TestKit.Scenarios.Linux;

// Idleness on a kernel. The runner's contract is "a step's effects have reached everything
// before the next step starts", which the simulation knows exactly and a kernel never says.
// So every wait here is for a condition, each bounded:
//  * a call started since the last look completes, or the block window passes (it is then
//    "parked": blocked until something else happens, as a pending call is);
//  * a call the runner is about to look at (await, pending) completes, or the window passes;
//  * the line disciplines settle: Linux hands a write on one end to the other end's n_tty from
//    a kernel work queue (flush_to_ldisc), and an echo makes a second hop back. poll(2) on a
//    tty with no input ready flushes that work before answering (n_tty_poll), so polling every
//    subsidiary and then every manager drains both hops; afterwards the readiness and the byte
//    counts (FIONREAD) of every end must stay unchanged for a quiet interval, during which poll
//    wakes at once for any end that becomes readable.
// Only a call that really blocks costs the whole window; everything else returns as soon as
// its condition holds.
internal sealed partial class LinuxScenarioTarget
{
    /// <summary>How long a call may take before it counts as blocked. Generous so that a loaded
    /// machine is not mistaken for a blocked call; paid in full only by calls that do block.</summary>
    public static readonly TimeSpan BlockWindow = TimeSpan.FromSeconds(1);

    /// <summary>How long every end must stay unchanged for the line disciplines to count as settled.</summary>
    public static readonly TimeSpan QuietInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>Settling rounds before giving up (each restarts the quiet interval after a change).</summary>
    private const int MaxSettleRounds = 200;

    private readonly List<StartedCall> _calls = new();

    private sealed class StartedCall(Task<CallResult> task)
    {
        public Task<CallResult> Task { get; } = task;
        /// <summary>Waited for a whole window without completing: blocked until something else happens.</summary>
        public bool Parked { get; set; }
    }

    public Task WhenIdleAsync() => SettleAsync(null);

    public Task WhenIdleAsync(Task focus) => SettleAsync(focus);

    /// <summary>Starts <paramref name="call"/> on a thread of its own, so a blocking syscall blocks nothing else.</summary>
    private Task<CallResult> Run(Func<CallResult> call)
    {
        var completion = new TaskCompletionSource<CallResult>();
        var thread = new Thread(() =>
        {
            try { completion.SetResult(call()); }
            catch (Exception error) { completion.SetException(error); }
        }) { IsBackground = true, Name = "linux-pty-call" };
        lock (_calls) _calls.Add(new StartedCall(completion.Task));
        thread.Start();
        return completion.Task;
    }

    private async Task SettleAsync(Task? focus)
    {
        List<StartedCall> fresh;
        StartedCall? focused = null;
        lock (_calls)
        {
            _calls.RemoveAll(call => call.Task.IsCompleted && !ReferenceEquals(call.Task, focus));
            fresh = _calls.FindAll(call => !call.Parked && !call.Task.IsCompleted);
            focused = _calls.Find(call => ReferenceEquals(call.Task, focus));
        }
        if (fresh.Count > 0)
        {
            await Task.WhenAny(Task.WhenAll(fresh.Select(call => call.Task)), Task.Delay(BlockWindow)).ConfigureAwait(false);
            foreach (var call in fresh) call.Parked = !call.Task.IsCompleted;
        }
        else if (focused is { Parked: true } && !focused.Task.IsCompleted)
        {
            // Parked earlier; what the steps since did may have released it.
            await Task.WhenAny(focused.Task, Task.Delay(BlockWindow)).ConfigureAwait(false);
        }
        await Task.Factory.StartNew(SettleLineDisciplines, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
    }

    private void SettleLineDisciplines()
    {
        var quietMs = (int)QuietInterval.TotalMilliseconds;
        for (var round = 0; round < MaxSettleRounds; round++)
        {
            var ends = OpenEnds();
            if (ends.Length == 0) return;
            var before = Observe(ends);
            var watch = new PollFd[ends.Length];
            for (var i = 0; i < ends.Length; i++)
            {
                // Watch for what is not yet true; an end already hung up or in error is left out
                // (poll would report it at once, every time).
                var events = (short)(((before[i].Revents & POLLIN) == 0 ? POLLIN : 0) | ((before[i].Revents & POLLOUT) == 0 ? POLLOUT : 0));
                var settledEnd = (before[i].Revents & (POLLHUP | POLLERR)) != 0 || events == 0;
                watch[i] = new PollFd { Fd = settledEnd ? -1 : ends[i].Fd, Events = events };
            }
            var clock = Stopwatch.StartNew();
            poll(watch, (nuint)watch.Length, quietMs);
            var after = Observe(ends);
            if (before.AsSpan().SequenceEqual(after) && clock.ElapsedMilliseconds >= quietMs / 2) return;
        }
    }

    /// <summary>Subsidiaries first, then managers: the order in which an echo travels.</summary>
    private LinuxFile[] OpenEnds()
    {
        lock (_gate)
            return _files.Values.Where(file => !file.Closed).OrderBy(file => file.IsManager).ToArray();
    }

    /// <summary>Readiness and unread byte count of each end, twice over so both hops of an echo are flushed.</summary>
    private static EndState[] Observe(LinuxFile[] ends)
    {
        var states = new EndState[ends.Length];
        for (var pass = 0; pass < 2; pass++)
            for (var i = 0; i < ends.Length; i++)
            {
                var fds = new[] { new PollFd { Fd = ends[i].Fd, Events = POLLIN | POLLOUT } };
                poll(fds, 1, 0);
                var count = new byte[4];
                var unread = ioctl_buffer(ends[i].Fd, FIONREAD, ref count[0]) == 0 ? BitConverter.ToInt32(count) : -1;
                states[i] = new EndState(fds[0].Revents, unread);
            }
        return states;
    }

    private readonly record struct EndState(short Revents, int Unread);
}
