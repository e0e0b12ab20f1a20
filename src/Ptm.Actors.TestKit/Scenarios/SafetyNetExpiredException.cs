namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>The spec's wall-clock safety net ran out while waiting for the system to become idle.</summary>
internal sealed class SafetyNetExpiredException(TimeSpan limit)
    : Exception($"the system was still busy after {Shown(limit)} (the safety net); it never became idle")
{
    private static string Shown(TimeSpan limit) => limit.TotalSeconds >= 1
        ? $"{limit.TotalSeconds:0.#} s"
        : $"{limit.TotalMilliseconds:0} ms";
}
