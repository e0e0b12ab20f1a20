using Ptm.Actors.Pty;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// The system's time of a run on the thread pool: wall-clock time, but only while the pty
/// system is seen to run. A pulse (a poll of a manager the driver opens for it) is always in
/// flight; each that returns credits the wall-clock time since it was sent, at most
/// <see cref="MaxCredit"/>. When the process stalls (a long GC, a starved machine), no pulse
/// returns and the stall counts for little, so the checker's patience (call_hung) measures time
/// the system had to answer, not time it was not running at all. Without its manager (the open
/// failed) it is the wall clock.
/// </summary>
internal sealed class SystemPulse(SoakDriver driver)
{
    /// <summary>The most one pulse credits: well above a poll's round trip on a loaded machine, far below a call's patience.</summary>
    public static readonly TimeSpan MaxCredit = TimeSpan.FromMilliseconds(200);

    private int _fd = -1;
    private Task<SysResult>? _inFlight;
    private long _sentAt;
    private long _ticks;

    public async Task StartAsync()
    {
        var open = await driver.System.Posix.OpenAsync("/dev/ptmx", OpenFlags.NonBlock).ConfigureAwait(false);
        if (open.IsOk) _fd = (int)open.Value;
    }

    /// <summary>The system's time at wall-clock <paramref name="now"/> (ticks); sends the next pulse once the last has returned.</summary>
    public long SystemTicks(long now)
    {
        if (_fd < 0) return now;
        if (_inFlight is { IsCompleted: false }) return _ticks;
        if (_inFlight is not null) _ticks += Math.Min(now - _sentAt, MaxCredit.Ticks);
        _sentAt = now;
        _inFlight = driver.System.Posix.PollAsync(_fd);
        driver.Watch(_inFlight);
        return _ticks;
    }

    /// <summary>Closes the pulse's manager, so its minor is free before the final count (L16).</summary>
    public async Task StopAsync()
    {
        if (_fd < 0) return;
        var fd = _fd;
        _fd = -1;
        // Non-blocking: no drain (L14); bounded all the same, a wedged system must not hang the run.
        await Task.WhenAny(driver.System.Posix.CloseAsync(fd), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
    }
}
