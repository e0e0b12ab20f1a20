namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>The spec's wall-clock safety net ran out while waiting for the system to become idle.</summary>
internal sealed class SafetyNetExpiredException(TimeSpan limit)
    : Exception($"the system was still busy after {limit.TotalSeconds:0.#} s (the safety net); it never became idle")
{
}
