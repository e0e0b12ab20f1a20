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
    public int Seed { get; } = seed;

    public override void Before(MethodInfo methodUnderTest)
    {
        // xunit constructs the test class before this runs; the kit registered itself for its class.
        var kit = TestKit.CurrentFor(methodUnderTest.ReflectedType)
            ?? throw new InvalidOperationException($"[DeterministicSeed] on {methodUnderTest.Name} needs the test class to derive from TestKit.");
        kit.UseSeed(Seed);
    }
}
