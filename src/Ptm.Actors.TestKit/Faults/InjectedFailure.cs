namespace Ptm.Actors.TestKit.Faults;

/// <summary>
/// What a faultable actor receives instead of its next message after
/// <see cref="FaultInjector.FailNextMessage"/>: <see cref="FaultableReceiveActor"/> and
/// <see cref="FaultableUntypedActor"/> throw <see cref="Failure"/> on it, so it goes to the
/// supervisor like any failure. The swallowed message is kept for diagnostics.
/// </summary>
internal sealed class InjectedFailure(Exception failure, object swallowed)
{
    public Exception Failure { get; } = failure;

    /// <summary>The message the failure took the place of (the actor never handles it).</summary>
    public object Swallowed { get; } = swallowed;

    public override string ToString() => $"InjectedFailure({Failure.GetType().Name}: {Failure.Message}) instead of {Swallowed}";
}
