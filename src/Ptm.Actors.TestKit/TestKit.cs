using Akka.Configuration;
using Ptm.Actors.TestKit.Faults;
using Xunit.Abstractions;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Base class for xunit actor tests: Akka.NET's TestKit (a fresh system per test, TestActor,
/// probes, ExpectMsg and the rest) whose actors have faultable mailboxes, plus <see cref="Faults"/>.
/// </summary>
public abstract class TestKit : Akka.TestKit.Xunit2.TestKit
{
    protected TestKit(ITestOutputHelper? output = null) : base(KitConfig, null, output)
    {
        Faults = new FaultInjector(Sys);
    }

    /// <summary>Holds, slows down, fails or stops the test's actors.</summary>
    public FaultInjector Faults { get; }

    // Seeded tests come with the TestKit rework (UseSeed); until then [DeterministicSeed] says so.
    internal static TestKit? CurrentFor(Type? testClass) => null;

    internal void UseSeed(int seed) => throw new NotSupportedException($"UseSeed({seed}): seeded tests are not on Akka.NET's TestKit yet");

    private static Config KitConfig => ConfigurationFactory.ParseString("""
        akka.actor.default-mailbox.mailbox-type = "Ptm.Actors.TestKit.Faults.FaultableMailbox, Ptm.Actors.TestKit"
        """);
}
