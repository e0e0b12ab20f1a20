namespace Ptm.Actors.Kernel;

/// <summary>How to create an actor (and re-create it on restart): a factory plus options.</summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Func<ActorBase> factory, SupervisorStrategy? strategy, int stashCapacity)
    {
        _factory = factory;
        SupervisorStrategy = strategy;
        StashCapacity = stashCapacity;
    }

    /// <summary>The strategy for this actor's children; null means the actor's own SupervisorStrategy().</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Maximum stashed messages; -1 is unbounded.</summary>
    public int StashCapacity { get; }

    public static Props Create<T>() where T : ActorBase, new() => new(static () => new T(), null, -1);

    public static Props Create<T>(Func<T> factory) where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory, null, -1);
    }

    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => new(_factory, strategy, StashCapacity);

    public Props WithStashCapacity(int capacity) => new(_factory, SupervisorStrategy, capacity);

    internal ActorBase NewActor() => _factory();
}
