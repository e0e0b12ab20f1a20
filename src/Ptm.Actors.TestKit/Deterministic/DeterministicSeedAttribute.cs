using System.Reflection;
using Xunit.Sdk;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Runs the test on the deterministic dispatcher with <see cref="Seed"/>. The kit prints the seed
/// and every failure message carries it, so a failing seed found by a [Theory] over many seeds is
/// replayed by putting it here.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DeterministicSeedAttribute(int seed) : BeforeAfterTestAttribute
{
    /// <summary>The seed the test's actors interleave by.</summary>
    public int Seed { get; } = seed;

    /// <summary>Switches the test's kit to <see cref="Seed"/> before the test method runs (xunit has made the test class by then).</summary>
    /// <exception cref="InvalidOperationException">The test class does not derive from <see cref="TestKit"/>.</exception>
    public override void Before(MethodInfo methodUnderTest)
    {
        // xunit constructs the test class before this runs; the kit registered itself for its class.
        var kit = TestKit.CurrentFor(methodUnderTest.ReflectedType)
            ?? throw new InvalidOperationException($"[DeterministicSeed] on {methodUnderTest.Name} needs the test class to derive from TestKit.");
        kit.UseSeed(Seed);
    }
}
