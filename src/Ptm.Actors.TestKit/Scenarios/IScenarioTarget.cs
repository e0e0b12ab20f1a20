namespace Ptm.Actors.TestKit.Scenarios;
/// <summary>Errno 0 means success. Value: fd, count, 0/1, or poll bits. Bytes: data read. Text: ptsname or stat text. Message: what getmsg got.</summary>
internal readonly record struct CallResult(long Value, int Errno, byte[]? Bytes = null, string? Text = null, MessageParts? Message = null);
/// <summary>The two parts of a STREAMS message as getmsg(2) returns them; null is an absent part (`-` in a spec).</summary>
internal sealed record MessageParts(byte[]? Control, byte[]? Data);
internal sealed record ScenarioCredentials(long Uid, long Gid, long Zone, bool Privileged)
{ public static readonly ScenarioCredentials Root = new(0, 0, 0, true); }
[Flags] internal enum ScenarioOpenFlags { None = 0, NonBlock = 1, NDelay = 2, NoCtty = 4 }
internal static class PollBits { public const int In = 0x1, Out = 0x4, Err = 0x8, Hup = 0x10; }
internal static class FlushBits { public const int R = 0x1, W = 0x2, RW = 0x3; }
/// <summary>
/// A fresh pseudo-terminal system driven by one spec: the simulation or the Linux kernel's ptys
/// (<see cref="ScenarioTargets"/> makes them). Only <see cref="ScenarioRunner"/> drives one; a
/// test passes it on and the runner disposes it.
/// </summary>
/// <remarks>
/// For the runner: every call method starts its call before returning (so an idle wait
/// afterwards sees its effects) and returns a Task the system completes. On a deterministic
/// target, WhenIdleAsync and AdvanceClockAsync run the system to quiescence on the calling
/// thread and return completed tasks.
/// </remarks>
public interface IScenarioTarget : IAsyncDisposable
{
    internal Task<CallResult> OpenAsync(string path, ScenarioOpenFlags flags, ScenarioCredentials who); // Value = fd
    internal Task<CallResult> OpenSubsidiaryOfAsync(int managerFd, ScenarioOpenFlags flags, ScenarioCredentials who); // `pts(H)`
    internal Task<CallResult> CloseAsync(int fd, ScenarioCredentials who);
    internal Task<CallResult> ReadAsync(int fd, int count, ScenarioCredentials who);
    internal Task<CallResult> WriteAsync(int fd, byte[] data, ScenarioCredentials who);
    internal Task<CallResult> IoctlAsync(int fd, string name, long[] args, ScenarioCredentials who);
    internal Task<CallResult> FlushAsync(int fd, int flushBits, ScenarioCredentials who);
    internal Task<CallResult> PollAsync(int fd, ScenarioCredentials who);
    internal Task<CallResult> GrantptAsync(int fd, ScenarioCredentials who);
    internal Task<CallResult> UnlockptAsync(int fd, ScenarioCredentials who);
    internal Task<CallResult> PtsnameAsync(int fd, ScenarioCredentials who);
    internal Task<CallResult> PtsnameRAsync(int fd, int? bufferLength, ScenarioCredentials who);
    internal Task<CallResult> IsattyAsync(int fd, ScenarioCredentials who);
    internal Task<CallResult> StatAsync(string path, ScenarioCredentials who);
    internal Task<CallResult> CrashAsync(int fd);
    internal Task<CallResult> TuneAsync(string tunable, long value);
    /// <summary>putmsg(2); a null part is absent. Value 0 on success.</summary>
    internal Task<CallResult> PutmsgAsync(int fd, byte[]? control, byte[]? data, ScenarioCredentials who);
    /// <summary>getmsg(2) with buffers of these sizes; the parts come back in <see cref="CallResult.Message"/>.</summary>
    internal Task<CallResult> GetmsgAsync(int fd, int controlLength, int dataLength, ScenarioCredentials who);
    /// <summary>ioctl(2) by name with <paramref name="payload"/> (null: none): Value is the ioctl's
    /// return value, Bytes what it copied out (null when nothing). The terminal steps (I_PUSH,
    /// TCGETS, TIOCSWINSZ, ...) all travel this way; payloads follow the conventions of issue 14.</summary>
    internal Task<CallResult> IoctlWithReplyAsync(int fd, string name, byte[]? payload, ScenarioCredentials who);
    /// <summary>The signals fd's stream head recorded since the last call on that stream, oldest
    /// first (M4.5): Text is their names space-separated, null when there were none.</summary>
    internal Task<CallResult> SignalsAsync(int fd, ScenarioCredentials who);
    /// <summary>Why this target cannot run <paramref name="step"/> under <paramref name="who"/> (the
    /// runner then reports the step as skipped, never as passed), or null when it can.</summary>
    internal string? SkipReason(Step step, ScenarioCredentials who) => null;
    internal Task WhenIdleAsync();
    /// <summary>As <see cref="WhenIdleAsync()"/>, before the runner looks at <paramref name="focus"/>, a call
    /// this target started: a target that cannot see idleness waits for that call in particular.</summary>
    internal Task WhenIdleAsync(Task focus) => WhenIdleAsync();
    /// <summary>Moves the system's virtual clock forward by <paramref name="by"/>, firing the
    /// timers due on the way, and lets the system settle after each before time moves on (a
    /// timer armed in reaction to one fires too if it falls due within <paramref name="by"/>).</summary>
    internal Task AdvanceClockAsync(TimeSpan by);
    /// <summary>Problems found after the spec: leaked minors, unexpected dead letters. Empty when clean. Valid after DisposeAsync.</summary>
    internal IReadOnlyList<string> Leftovers { get; }
    /// <summary>The deterministic dispatcher's trace (empty on the ordinary dispatcher).</summary>
    internal IReadOnlyList<string> Trace { get; }
}
/// <summary>Makes a fresh target for one run of a spec; <see cref="ScenarioTargets.Simulation"/> and <see cref="ScenarioTargets.Linux"/> are two.</summary>
/// <param name="seed">The seed the run interleaves by, or null for the ordinary dispatcher.</param>
public delegate IScenarioTarget ScenarioTargetFactory(int? seed);
