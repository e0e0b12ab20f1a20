using Serilog;

namespace Ptm.Actors.Kernel;

/// <summary>
/// Decides what happens to a failed child. The default is one-for-one with the default decider:
/// ActorInitializationException, ActorKilledException and DeathPactException stop the child,
/// anything else restarts it, without a retry limit.
/// </summary>
public abstract class SupervisorStrategy
{
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
    {
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider ?? throw new ArgumentNullException(nameof(decider));
    }

    /// <summary>-1: unlimited.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>null: the retry count never resets.</summary>
    public TimeSpan? WithinTimeRange { get; }

    public Func<Exception, Directive> Decider { get; }

    /// <summary>True for all-for-one: the directive applies to every sibling.</summary>
    internal abstract bool AppliesToAllChildren { get; }

    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(-1, null, DefaultDecider);

    /// <summary>Stops the child on any failure.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(-1, null, static _ => Directive.Stop);

    /// <summary>Applies the decider, turning a Restart beyond the retry window into Stop.</summary>
    internal Directive Decide(ActorCell supervisor, ActorCell child, Exception cause)
    {
        var directive = Decider(cause);
        if (directive != Directive.Restart) return directive;
        var now = supervisor.System.Time.GetTimestamp();
        return child.RestartStats.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, now, supervisor.System.Time)
            ? Directive.Restart
            : Directive.Stop;
    }

    /// <summary>Restart and Stop are logged at Error, Resume at Warning, Escalate not at all (the parent logs it).</summary>
    internal void LogFailure(ILogger log, IActorRef child, Exception cause, Directive directive)
    {
        switch (directive)
        {
            case Directive.Resume:
                log.Warning(cause, "{ActorPath} failed; resuming", child.Path.ToString());
                break;
            case Directive.Restart:
            case Directive.Stop:
                log.ForContext("ActorPath", child.Path.ToString()).ForContext("LogSource", child.Path.ToString())
                   .Error(cause, "{ActorPath} failed with {ExceptionType}: {Reason}; directive {Directive}",
                       child.Path.ToString(), cause.GetType().Name, cause.Message, directive);
                break;
        }
    }
}

/// <summary>Applies the directive to the failed child only.</summary>
public sealed class OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
    : SupervisorStrategy(maxNrOfRetries, withinTimeRange, decider)
{
    public OneForOneStrategy(Func<Exception, Directive> decider) : this(-1, null, decider) { }

    internal override bool AppliesToAllChildren => false;
}

/// <summary>Applies the directive to every child of the supervisor.</summary>
public sealed class AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
    : SupervisorStrategy(maxNrOfRetries, withinTimeRange, decider)
{
    internal override bool AppliesToAllChildren => true;
}
