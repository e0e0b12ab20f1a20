namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>How a spec runs.</summary>
/// <param name="SafetyNet">Wall-clock limit for one whole spec. Never a barrier: the runner waits
/// for idleness, and this only turns a hung system into a failure naming the step it was on.</param>
public sealed record ScenarioOptions(TimeSpan SafetyNet)
{
    /// <summary>A 60-second safety net.</summary>
    public static readonly ScenarioOptions Default = new(TimeSpan.FromSeconds(60));
}
