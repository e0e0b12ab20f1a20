namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>What a name is bound to while a spec runs.</summary>
internal abstract record HandleBinding;

/// <summary>A descriptor from a successful open. It stays bound after `close`: later calls pass
/// the closed descriptor through and the target answers EBADF.</summary>
internal sealed record OpenHandle(int Fd, ScenarioOpenFlags Flags) : HandleBinding
{
    /// <summary>`nonblock` and `ndelay` behave alike (PD7).</summary>
    public bool NonBlocking => (Flags & (ScenarioOpenFlags.NonBlock | ScenarioOpenFlags.NDelay)) != 0;
}

/// <summary>A handle whose open failed and that had no descriptor before: it behaves as a closed
/// descriptor (specs/README.md, "Additions to the language"), so its calls pass descriptor -1 to the target.</summary>
internal sealed record FailedHandle : HandleBinding;

/// <summary>`NAME = STEP &amp;`: a started call, awaited or checked by `pending`.</summary>
internal sealed record StartedCall(Task<CallResult> Call, CallStep Step) : HandleBinding;

/// <summary>A name bound by a step the target skipped: the steps that use it are skipped too.</summary>
internal sealed record SkippedBinding : HandleBinding;
