using Serilog;

namespace Ptm.Actors.Kernel;

/// <summary>How an actor system runs. Defaults suit a production host; tests pick deterministic runs and manual time.</summary>
public sealed record ActorSystemOptions
{
    /// <summary>Every timer, receive timeout and Ask timeout uses this clock. Deterministic systems default to a ManualTimeProvider.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Where the kernel and the actors log (ActorPath and LogSource properties attached). Default: nothing.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>User messages a mailbox processes per run on the ThreadPool dispatcher (Akka's default is 30).</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>Finite by default; an Ask that outlives it fails with AskTimeoutException.</summary>
    public TimeSpan DefaultAskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How the /user guardian treats failures of top-level actors.</summary>
    public SupervisorStrategy GuardianStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>When set, every actor runs on one logical thread in an order chosen by this seed (RunUntilIdle drives it).</summary>
    public int? DeterministicSeed { get; init; }

    /// <summary>Record each processed message on the deterministic dispatcher (for replay comparisons).</summary>
    public bool RecordTrace { get; init; } = true;

    /// <summary>How many dead letters are logged before logging them stops (they are still counted and published).</summary>
    public int LogDeadLetters { get; init; } = 10;

    public static ActorSystemOptions Deterministic(int seed) => new() { DeterministicSeed = seed };

    internal void Validate()
    {
        if (Throughput < 1) throw new ArgumentOutOfRangeException(nameof(Throughput), Throughput, "Throughput must be at least 1.");
        if (DefaultAskTimeout <= TimeSpan.Zero && DefaultAskTimeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(DefaultAskTimeout), DefaultAskTimeout, "The Ask timeout must be positive.");
        ArgumentNullException.ThrowIfNull(GuardianStrategy);
    }
}
