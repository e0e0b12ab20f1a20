using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

// The step kinds of docs/spec-language.md, one record each. Handles are referred to by name;
// the runner maps names to descriptors.

/// <summary>`NAME = open PATH [FLAG...]`.</summary>
public sealed record OpenStep(DevicePath Path, ScenarioOpenFlags Flags) : CallStep;

/// <summary>`close H`.</summary>
public sealed record CloseStep(string Handle) : CallStep;

/// <summary>`read H COUNT`: one read(2).</summary>
public sealed record ReadStep(string Handle, int Count) : CallStep;

/// <summary>`readn H COUNT`: reads until COUNT bytes in all, end of file, or an error.</summary>
public sealed record ReadAllStep(string Handle, int Count) : CallStep;

/// <summary>`write H STRING`.</summary>
public sealed record WriteStep(string Handle, ImmutableArray<byte> Data) : CallStep;

/// <summary>`ioctl H NAME [ARG...]`; names the drivers do not know are sent as they are.</summary>
public sealed record IoctlStep(string Handle, string Name, ImmutableArray<long> Args) : CallStep;

/// <summary>`flush H FLUSHR|FLUSHW|FLUSHRW`, with <see cref="FlushBits"/> values.</summary>
public sealed record FlushStep(string Handle, int Bits) : CallStep;

/// <summary>`poll H`: readiness now, without waiting.</summary>
public sealed record PollStep(string Handle) : CallStep;

/// <summary>`grantpt H`.</summary>
public sealed record GrantptStep(string Handle) : CallStep;

/// <summary>`unlockpt H`.</summary>
public sealed record UnlockptStep(string Handle) : CallStep;

/// <summary>`ptsname H`.</summary>
public sealed record PtsnameStep(string Handle) : CallStep;

/// <summary>`ptsname_r H LEN`; a null <see cref="BufferLength"/> is `null` (a null buffer).</summary>
public sealed record PtsnameRStep(string Handle, int? BufferLength) : CallStep;

/// <summary>`isatty H`.</summary>
public sealed record IsattyStep(string Handle) : CallStep;

/// <summary>`stat PATH`.</summary>
public sealed record StatStep(DevicePath Path) : CallStep;

/// <summary>`crash H`: the actor behind H's side fails (PD13).</summary>
public sealed record CrashStep(string Handle) : CallStep;

/// <summary>`tune NAME N`: set one of the Clone actor's tunables (N1, PD2).</summary>
public sealed record TuneStep(string Tunable, long Value) : CallStep;

/// <summary>`putmsg H ctl STRING data STRING`; a null part is `-` (absent).</summary>
public sealed record PutmsgStep(string Handle, ImmutableArray<byte>? Control, ImmutableArray<byte>? Data) : CallStep;

/// <summary>`getmsg H COUNT`: getmsg(2) with control and data buffers of COUNT bytes each.</summary>
public sealed record GetmsgStep(string Handle, int Count) : CallStep;

/// <summary>`as root` / `as uid U gid G [zone Z] [privileged]`.</summary>
public sealed record AsStep(ScenarioCredentials Credentials) : Step;

/// <summary>`pending NAME`: the started call is still incomplete once the system is idle.</summary>
public sealed record PendingStep(string Name) : Step;

/// <summary>`await NAME [=> EXPECTATION]`.</summary>
public sealed record AwaitStep(string Name, ExpectationSet? Expect) : Step;

/// <summary>`idle`.</summary>
public sealed record IdleStep : Step;

/// <summary>`sleep SECONDS`: virtual time moves on by <see cref="Duration"/>, firing the timers due on the way.</summary>
public sealed record SleepStep(TimeSpan Duration) : Step;
