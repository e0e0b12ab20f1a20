using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>How a TestKit builds its system and how long its waits last (before dilation).</summary>
public sealed record TestKitSettings
{
    /// <summary>Every wall-clock wait is multiplied by this (default: PTM_TESTKIT_DILATION, else 1).</summary>
    public double Dilation { get; init; } = Ptm.Actors.TestKit.Dilation.FromEnvironment();

    /// <summary>How long an Expect waits when the test gives no timeout (before dilation).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long disposal waits for the system to shut down (before dilation).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Run on the deterministic dispatcher with this seed (null: the thread pool).</summary>
    public int? Seed { get; init; }

    /// <summary>Drive timers, receive timeouts and Ask timeouts with a <see cref="VirtualClock"/> (always on for deterministic runs).</summary>
    public bool VirtualTime { get; init; }

    /// <summary>Fail the test at disposal when a dead letter (other than IDeadLetterSuppression) was published.</summary>
    public bool FailOnDeadLetters { get; init; } = true;

    /// <summary>Fail the test at disposal when anything was logged at Error or above.</summary>
    public bool FailOnLoggedErrors { get; init; } = true;

    public string? SystemName { get; init; }

    /// <summary>Last say over the kernel options (guardian strategy, throughput, ask timeout...); Time, Logger and seed are set by the kit.</summary>
    public Func<ActorSystemOptions, ActorSystemOptions>? ConfigureSystem { get; init; }

    internal TimeSpan Dilated(TimeSpan duration) => Ptm.Actors.TestKit.Dilation.Apply(duration, Dilation);
}
