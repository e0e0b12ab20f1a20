using Ptm.Actors.TestKit.Faults;
using System.Buffers.Binary;
using Akka.Actor;
using Ptm.Actors.Pty;
using Ptm.Actors.Streams;
using Ptm.Actors.TestKit.Deterministic;
using Ptm.Actors.TestKit.Timing;
using ActorErrno = Ptm.Actors.Errno;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// The scenario target over the real pty actors: a fresh embedded PtySystem (an Akka.NET actor
/// system of its own) per spec, driven through its POSIX facade. Calls complete inline on the
/// actors' threads (InlineCompletions), so when the system is idle every call that can complete
/// has, and its CallResult is ready. Without a seed the actors run on the product's own
/// dispatcher (ptm.dispatcher); with one, on the TestKit's seeded dispatcher: idle waits run
/// them on the runner's thread, in the order the seed picks. Either way the actor system's
/// scheduler runs on virtual time, so a timer (H3's close-time drain) fires only when a
/// `sleep` step advances the clock, and a spec never waits on the wall clock.
/// </summary>
internal sealed class PtyScenarioTarget : IScenarioTarget
{
    private readonly PtySystem _system;
    private readonly VirtualClock _clock;
    private readonly List<string> _leftovers = new();
    private IReadOnlyList<string> _trace = Array.Empty<string>();
    private bool _cloneStarted;

    private PtyScenarioTarget(int? seed)
    {
        var options = new PtySystemOptions { InlineCompletions = true };
        if (seed is not { } chosen)
        {
            // Timers armed with no delay wait in the clock for WhenIdleAsync to fire them, as a
            // seeded drive does, so "idle" also means no timer is due.
            _clock = new VirtualClock();
            _system = PtySystem.CreateOwned("ptys", VirtualScheduler.ConfigFor(_clock, dueNowOnThreadPool: false), options, logger: null);
            return;
        }
        _system = DeterministicPtys.Create(chosen, options);
        _clock = _system.Clock();
    }

    /// <summary>A fresh system; <paramref name="seed"/> null = ordinary dispatcher, else the deterministic one.</summary>
    public static IScenarioTarget Create(int? seed) => new PtyScenarioTarget(seed);

    public IReadOnlyList<string> Leftovers => _leftovers;

    /// <summary>The pty system the spec drives (its actor system, its clock via <c>Clock()</c>), for tests of the target itself.</summary>
    public PtySystem Ptys => _system;

    public IReadOnlyList<string> Trace => _system.IsDeterministic && !_system.IsDisposed ? _system.Trace() : _trace;

    private PosixApi Posix => _system.Posix;

    public Task<CallResult> OpenAsync(string path, ScenarioOpenFlags flags, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad : Convert(Posix.OpenAsync(path, Flags(flags), credentials));

    public Task<CallResult> OpenSubsidiaryOfAsync(int managerFd, ScenarioOpenFlags flags, ScenarioCredentials who)
    {
        if (WithCredentials(who, out var credentials) is { } bad) return bad;
        return Posix.SubsidiaryPathOf(managerFd) is { } path
            ? Convert(Posix.OpenAsync(path, Flags(flags), credentials))
            : Convert(Posix.GetSubsidiaryNameAsync(managerFd, credentials)); // the errno ptsname would have given
    }

    public Task<CallResult> CloseAsync(int fd, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad : Convert(Posix.CloseAsync(fd, credentials));

    public Task<CallResult> ReadAsync(int fd, int count, ScenarioCredentials who)
    {
        if (WithCredentials(who, out var credentials) is { } bad) return bad;
        if (count < 0) return Done(ActorErrno.EINVAL);
        var buffer = new byte[count];
        return Posix.ReadAsync(fd, buffer, credentials).ContinueWith(
            static (task, state) =>
            {
                var result = task.Result;
                return result.IsOk
                    ? new CallResult(result.Value, 0, ((byte[])state!).AsSpan(0, (int)result.Value).ToArray())
                    : new CallResult(-1, (int)result.Errno);
            },
            buffer, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task<CallResult> WriteAsync(int fd, byte[] data, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad : Convert(Posix.WriteAsync(fd, data, credentials));

    public Task<CallResult> IoctlAsync(int fd, string name, long[] args, ScenarioCredentials who)
    {
        if (WithCredentials(who, out var credentials) is { } bad) return bad;
        if (!IoctlCommands.TryParse(name, out var command)) return Done(ActorErrno.EINVAL);
        ReadOnlyMemory<byte>? payload = null;
        switch (command)
        {
            case IoctlCommands.ZONEPT:
                if (args.Length != 1 || args[0] < int.MinValue || args[0] > int.MaxValue) return Done(ActorErrno.EINVAL);
                var zone = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(zone, (int)args[0]);
                payload = zone;
                break;
            case IoctlCommands.OWNERPT:
                if (args.Length != 2 || args[0] is < 0 or > uint.MaxValue || args[1] is < 0 or > uint.MaxValue) return Done(ActorErrno.EINVAL);
                var owner = new byte[8];
                BinaryPrimitives.WriteUInt32LittleEndian(owner, (uint)args[0]);
                BinaryPrimitives.WriteUInt32LittleEndian(owner.AsSpan(4), (uint)args[1]);
                payload = owner;
                break;
        }
        return Convert(Posix.IoctlAsync(fd, command, payload, credentials));
    }

    public Task<CallResult> IoctlWithReplyAsync(int fd, string name, byte[]? payload, ScenarioCredentials who)
    {
        if (WithCredentials(who, out var credentials) is { } bad) return bad;
        if (!IoctlCommands.TryParse(name, out var command)) return Done(ActorErrno.EINVAL);
        return Posix.IoctlWithReplyAsync(fd, command, payload is null ? null : payload, credentials).ContinueWith(
            static task => task.Result.Result.IsOk
                ? new CallResult(task.Result.Result.Value, 0, task.Result.Reply?.ToArray())
                : new CallResult(-1, (int)task.Result.Result.Errno),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task<CallResult> SignalsAsync(int fd, ScenarioCredentials who)
    {
        if (WithCredentials(who, out var credentials) is { } bad) return bad;
        return Posix.TakeSignalsAsync(fd, credentials).ContinueWith(
            static task => task.Result.Result.IsOk
                ? new CallResult(0, 0, Text: task.Result.Signals.Count == 0 ? null : string.Join(' ', task.Result.Signals.Select(Signals.Name)))
                : new CallResult(-1, (int)task.Result.Result.Errno),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task<CallResult> FlushAsync(int fd, int flushBits, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad : Convert(Posix.DiscardAsync(fd, (FlushFlags)flushBits, credentials));

    public Task<CallResult> PollAsync(int fd, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad : Convert(Posix.PollAsync(fd, credentials));

    public Task<CallResult> GrantptAsync(int fd, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad : Convert(Posix.GrantAsync(fd, credentials));

    public Task<CallResult> UnlockptAsync(int fd, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad : Convert(Posix.UnlockAsync(fd, credentials));

    public Task<CallResult> PtsnameAsync(int fd, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad : Convert(Posix.GetSubsidiaryNameAsync(fd, credentials));

    public Task<CallResult> PtsnameRAsync(int fd, int? bufferLength, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad : Convert(Posix.GetSubsidiaryNameAsync(fd, bufferLength, credentials));

    public Task<CallResult> IsattyAsync(int fd, ScenarioCredentials who) => Convert(Posix.IsTerminalAsync(fd));

    public Task<CallResult> StatAsync(string path, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad : Convert(Posix.StatAsync(path, credentials));

    public Task<CallResult> CrashAsync(int fd) => Convert(Posix.CrashAsync(fd));

    public Task<CallResult> TuneAsync(string tunable, long value) => Convert(Posix.TuneAsync(tunable, value));

    public Task<CallResult> PutmsgAsync(int fd, byte[]? control, byte[]? data, ScenarioCredentials who) =>
        WithCredentials(who, out var credentials) is { } bad ? bad
            : Convert(Posix.PutMessageAsync(fd, Part(control), Part(data), credentials));

    public Task<CallResult> GetmsgAsync(int fd, int controlLength, int dataLength, ScenarioCredentials who)
    {
        if (WithCredentials(who, out var credentials) is { } bad) return bad;
        if (controlLength < 0 || dataLength < 0) return Done(ActorErrno.EINVAL);
        return Posix.GetMessageAsync(fd, controlLength, dataLength, credentials).ContinueWith(
            static task =>
            {
                var (status, control, data) = task.Result;
                return status.IsOk
                    ? new CallResult(status.Value, 0, Message: new MessageParts(control?.ToArray(), data?.ToArray()))
                    : new CallResult(-1, (int)status.Errno);
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async Task WhenIdleAsync()
    {
        // A seeded drive fires the timers due now itself; on the ordinary dispatcher they are
        // fired here, and what they tell is then waited for in turn.
        do await (_cloneStarted || CloneHasStarted() ? _system.WhenIdleAsync() : IdleOnceStartedAsync());
        while (_clock.FireDue() > 0);
    }

    public Task AdvanceClockAsync(TimeSpan by) => _clock.AdvanceSettlingAsync(by, WhenIdleAsync);

    /// <summary>
    /// Akka.NET's /user guardian starts the Clone on its own thread after PtySystem.Create has
    /// returned, and calls told meanwhile wait in a placeholder cell that the dispatcher's busy
    /// count does not see: until the Clone has started, "idle" would not mean the first call
    /// had been handled. (A seeded system is handed out started.)
    /// </summary>
    private bool CloneHasStarted() => _cloneStarted = _system.CloneActor is not RepointableActorRef { IsStarted: false };

    private async Task IdleOnceStartedAsync()
    {
        // A poll, not a barrier: the loop checks the condition, and the runner's safety net bounds it.
        for (var looks = 0; !CloneHasStarted(); looks++)
            if (looks < 100) await Task.Yield();
            else await Task.Delay(1);
        await _system.WhenIdleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_system.IsDisposed) return;
        await WhenIdleAsync();
        if (_system.AllocatedMinors != 0) _leftovers.Add($"{_system.AllocatedMinors} minor(s) still allocated after every handle was closed (L16)");
        if (_system.UnexpectedDeadLetters != 0)
            _leftovers.Add($"{_system.UnexpectedDeadLetters} unexpected dead letter(s): {string.Join(", ", _system.UnexpectedDeadLetterExamples)}");
        if (_system.Statistics.UnexpectedFailures != 0)
            _leftovers.Add($"{_system.Statistics.UnexpectedFailures} side actor(s) failed unexpectedly, first: {_system.Statistics.FirstUnexpectedFailure}");
        if (_system.IsDeterministic && _system.SeedingViolations() is { Count: > 0 } violations)
            _leftovers.Add($"{violations.Count} run(s) reached the seeded queue from another thread, first: {violations[0]}");
        if (_system.IsDeterministic) _trace = _system.Trace(); // the spec's trace: disposal's own closes and Akka.NET's shutdown are not part of it
        await _system.DisposeAsync();
    }

    private static OpenFlags Flags(ScenarioOpenFlags flags) =>
        ((flags & ScenarioOpenFlags.NonBlock) != 0 ? OpenFlags.NonBlock : 0) |
        ((flags & ScenarioOpenFlags.NDelay) != 0 ? OpenFlags.NDelay : 0) |
        ((flags & ScenarioOpenFlags.NoCtty) != 0 ? OpenFlags.NoCtty : 0);

    /// <summary>Credentials are validated when built (PD12); ids out of range fail the call EINVAL.</summary>
    private static Task<CallResult>? WithCredentials(ScenarioCredentials who, out Credentials credentials)
    {
        credentials = Credentials.Root;
        if (who.Uid is < 0 or > Credentials.MaxId || who.Gid is < 0 or > Credentials.MaxId || who.Zone is < 0 or > Credentials.MaxZone)
            return Done(ActorErrno.EINVAL);
        credentials = new Credentials(who.Uid, who.Gid, (int)who.Zone, who.Privileged);
        return null;
    }

    private static Task<CallResult> Convert(Task<SysResult> call) => call.ContinueWith(
        static task => task.Result.IsOk
            ? new CallResult(task.Result.Value, 0, null, task.Result.Text)
            : new CallResult(-1, (int)task.Result.Errno),
        CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>An absent part stays absent: byte[] converts to ReadOnlyMemory even when null, as an empty part.</summary>
    private static ReadOnlyMemory<byte>? Part(byte[]? bytes) => bytes is null ? (ReadOnlyMemory<byte>?)null : bytes; // not "? null :", which converts null through the array and gives an empty part

    private static Task<CallResult> Done(ActorErrno errno) => Task.FromResult(new CallResult(-1, (int)errno));
}
