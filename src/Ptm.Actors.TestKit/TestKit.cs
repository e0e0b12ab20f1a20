using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Ptm.Actors.Runtime;
using Ptm.Actors.TestKit.Deterministic;
using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.TestKit.Kit;
using Ptm.Actors.TestKit.Timing;
using Xunit.Abstractions;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Base class for xunit actor tests: Akka.NET's TestKit (a fresh system per test, TestActor,
/// CreateTestProbe, ExpectMsg, FishForMessage, Within, AwaitAssert, EventFilter...) plus what
/// Akka.NET lacks:
/// <list type="bullet">
/// <item>Seeded, replayable interleavings of the test's actors: <see cref="UseSeed"/>,
/// <see cref="DeterministicSeedAttribute"/>, <see cref="SeedsAttribute"/>. Seeded actors run only
/// while the test drives them (<see cref="WaitForIdleAsync"/>, <see cref="AdvanceAsync"/>), so a
/// seeded test drives before it expects: Akka.NET's ExpectMsg only waits.</item>
/// <item>Idle detection (<see cref="WaitForIdleAsync"/>) on the ThreadPool and seeded.</item>
/// <item>Virtual time (<see cref="UseVirtualTime"/>, <see cref="Clock"/>, <see cref="AdvanceAsync"/>).</item>
/// <item>Fault injection (<see cref="Faults"/>).</item>
/// <item>Teardown that fails the test on dead letters and errors no EventFilter expected
/// (<see cref="AllowDeadLetters"/>, <see cref="AllowLoggedErrors"/>).</item>
/// </list>
/// The test's actors are those on Akka.NET's default dispatcher (Props without a dispatcher).
/// </summary>
public abstract partial class TestKit : Akka.TestKit.Xunit2.TestKit
{
    private static readonly ConcurrentDictionary<Type, TestKit> s_current = new();
    private KitMode _mode = KitMode.Default;

    /// <summary>A fresh actor system for the test, on the ThreadPool and real time until <see cref="UseSeed"/> or <see cref="UseVirtualTime"/>.</summary>
    /// <param name="output">xunit's test output: the kit writes its log and the seed note there.</param>
    protected TestKit(ITestOutputHelper? output = null)
        : base(ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(KitConfig.For(KitMode.Default))), null, output)
    {
        Faults = new FaultInjector(Sys);
        // Lets [DeterministicSeed] (which xunit runs after the constructor) find this instance.
        s_current[GetType()] = this;
    }

    /// <summary>Holds, slows down, fails or stops the test's actors.</summary>
    public FaultInjector Faults { get; private set; }

    /// <summary>The seed the test's actors interleave by, or null on the ThreadPool.</summary>
    public int? Seed => _mode.Seed;

    /// <summary>The virtual clock (after <see cref="UseVirtualTime"/> or <see cref="UseSeed"/>).</summary>
    public VirtualClock Clock => VirtualScheduler.ClockOf(Sys)
        ?? throw new InvalidOperationException("This test runs on real time: call UseVirtualTime() or UseSeed(seed) first.");

    /// <summary>Every seeded run so far, "actor:MessageType", in order (seeded tests only).</summary>
    public IReadOnlyList<string> Trace => SeededDriver?.Trace
        ?? throw new InvalidOperationException("Only a seeded test has a trace: call UseSeed(seed) first.");

    /// <summary>Runs queued into the seeded queue from another thread while it was driven (each is a bug in the test or the harness).</summary>
    public IReadOnlyList<string> SeedingViolations => SeededDriver?.Violations ?? [];

    /// <summary>" [deterministic seed N: rerun with ...]" for a seeded test, else empty; the kit's failures end with it.</summary>
    public string SeedNote => _mode.Seed is { } seed ? $" [deterministic seed {seed}: rerun with [DeterministicSeed({seed})] or UseSeed({seed}) to replay]" : "";

    /// <summary>
    /// Runs the test's actors seeded by <paramref name="seed"/>, on virtual time. It replaces the
    /// test's actor system, so call it before the test makes any actor (TestActor, probes and
    /// Faults are the new system's afterwards).
    /// </summary>
    public void UseSeed(int seed) => Reinitialize(_mode with { Seed = seed }, $"UseSeed({seed})");

    /// <summary>Runs the actor system's scheduler on a <see cref="VirtualClock"/>. Like UseSeed, call it before the test makes any actor.</summary>
    public void UseVirtualTime() => Reinitialize(_mode with { VirtualTime = true }, "UseVirtualTime()");

    internal static TestKit? CurrentFor(Type? testClass) =>
        testClass is not null && s_current.TryGetValue(testClass, out var kit) ? kit : null;

    internal SeededDriver? SeededDriver =>
        _mode.Seed is null ? null : DispatcherDrivers.For(Sys, KitConfig.TestDispatcher) as SeededDriver;

    private void Reinitialize(KitMode mode, string what)
    {
        if (mode == _mode) return;
        if (TopLevelActors.Of(Sys).Count > 0)
            throw new InvalidOperationException($"{what} must come before the test makes actors: the actor system '{Sys.Name}' already has {string.Join(", ", TopLevelActors.Of(Sys).Select(a => a.Path.Name))}.");
        var old = Sys;
        _mode = mode;
        InitializeTest(null, ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(KitConfig.For(mode))), old.Name, null);
        InitializeLogger(Sys);
        Faults = new FaultInjector(Sys);
        _violationsReported = 0;
        _ = old.Terminate();
        if (mode.Seed is { } seed) WriteLine($"Actor system '{Sys.Name}' runs seeded with {seed}: rerun with [DeterministicSeed({seed})] or UseSeed({seed}) to replay.");
    }

    private void WriteLine(string line)
    {
        try { Output?.WriteLine(line); }
        catch (InvalidOperationException) { } // the test already finished
    }
}
