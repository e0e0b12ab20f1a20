using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

// The step kinds of docs/spec-language.md, one record each. Handles are referred to by name;
// the runner maps names to descriptors.

/// <summary>`NAME = open PATH [FLAG...]`.</summary>
internal sealed record OpenStep(DevicePath Path, ScenarioOpenFlags Flags) : CallStep;

/// <summary>`close H`.</summary>
internal sealed record CloseStep(string Handle) : CallStep;

/// <summary>`read H COUNT`: one read(2).</summary>
internal sealed record ReadStep(string Handle, int Count) : CallStep;

/// <summary>`readn H COUNT`: reads until COUNT bytes in all, end of file, or an error.</summary>
internal sealed record ReadAllStep(string Handle, int Count) : CallStep;

/// <summary>`write H STRING`.</summary>
internal sealed record WriteStep(string Handle, ImmutableArray<byte> Data) : CallStep;

/// <summary>`ioctl H NAME [ARG...]`; names the drivers do not know are sent as they are.</summary>
internal sealed record IoctlStep(string Handle, string Name, ImmutableArray<long> Args) : CallStep;

/// <summary>`flush H FLUSHR|FLUSHW|FLUSHRW`, with <see cref="FlushBits"/> values.</summary>
internal sealed record FlushStep(string Handle, int Bits) : CallStep;

/// <summary>`poll H`: readiness now, without waiting.</summary>
internal sealed record PollStep(string Handle) : CallStep;

/// <summary>`grantpt H`.</summary>
internal sealed record GrantptStep(string Handle) : CallStep;

/// <summary>`unlockpt H`.</summary>
internal sealed record UnlockptStep(string Handle) : CallStep;

/// <summary>`ptsname H`.</summary>
internal sealed record PtsnameStep(string Handle) : CallStep;

/// <summary>`ptsname_r H LEN`; a null <see cref="BufferLength"/> is `null` (a null buffer).</summary>
internal sealed record PtsnameRStep(string Handle, int? BufferLength) : CallStep;

/// <summary>`isatty H`.</summary>
internal sealed record IsattyStep(string Handle) : CallStep;

/// <summary>`stat PATH`.</summary>
internal sealed record StatStep(DevicePath Path) : CallStep;

/// <summary>`crash H`: the actor behind H's side fails (PD13).</summary>
internal sealed record CrashStep(string Handle) : CallStep;

/// <summary>`tune NAME N`: set one of the Clone actor's tunables (N1, PD2).</summary>
internal sealed record TuneStep(string Tunable, long Value) : CallStep;

/// <summary>`putmsg H ctl STRING data STRING`; a null part is `-` (absent).</summary>
internal sealed record PutmsgStep(string Handle, ImmutableArray<byte>? Control, ImmutableArray<byte>? Data) : CallStep;

/// <summary>`getmsg H COUNT`: getmsg(2) with control and data buffers of COUNT bytes each.</summary>
internal sealed record GetmsgStep(string Handle, int Count) : CallStep;

/// <summary>`as root` / `as uid U gid G [zone Z] [privileged]`.</summary>
internal sealed record AsStep(ScenarioCredentials Credentials) : Step;

/// <summary>`pending NAME`: the started call is still incomplete once the system is idle.</summary>
internal sealed record PendingStep(string Name) : Step;

/// <summary>`await NAME [=> EXPECTATION]`.</summary>
internal sealed record AwaitStep(string Name, ExpectationSet? Expect) : Step;

/// <summary>`idle`.</summary>
internal sealed record IdleStep : Step;

/// <summary>`sleep SECONDS`: virtual time moves on by <see cref="Duration"/>, firing the timers due on the way.</summary>
internal sealed record SleepStep(TimeSpan Duration) : Step;
