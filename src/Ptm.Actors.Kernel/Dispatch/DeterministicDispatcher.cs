namespace Ptm.Actors.Kernel.Dispatch;

/// <summary>
/// Runs every actor on one logical thread. Ready mailboxes wait in a list until
/// <see cref="RunUntilIdle"/>; each turn a PRNG seeded by the caller picks which ready mailbox
/// processes its next message. The same seed and the same inputs give the same interleaving,
/// which <see cref="Trace"/> records so two runs can be compared.
/// </summary>
internal sealed class DeterministicDispatcher(int seed, bool recordTrace) : IDispatcher
{
    private readonly object _gate = new();
    private readonly List<Mailbox> _ready = new();
    private readonly Random _random = new(seed);
    private readonly List<string> _trace = new();
    private int _running;

    public int Seed { get; } = seed;

    /// <summary>One message per turn, so every turn is a scheduling decision.</summary>
    public int Throughput => 1;

    public bool IsDeterministic => true;

    public IReadOnlyList<string> Trace
    {
        get { lock (_gate) return _trace.ToArray(); }
    }

    public void Schedule(Mailbox mailbox)
    {
        lock (_gate) _ready.Add(mailbox);
    }

    internal void Record(ActorCell cell, object message)
    {
        if (!recordTrace) return;
        lock (_gate) _trace.Add(cell.Self.Path.ToStringWithoutAddress() + " <- " + message.GetType().Name);
    }

    /// <summary>Runs ready mailboxes, one message at a time in seeded order, until none is ready. Returns the number of turns.</summary>
    public int RunUntilIdle(Func<bool>? fireDueTimers = null)
    {
        // Re-entrant calls (an actor asking for idle) would break the one-thread model.
        if (Interlocked.Exchange(ref _running, 1) == 1)
            throw new InvalidOperationException("RunUntilIdle is already running on this deterministic dispatcher.");
        try
        {
            var turns = 0;
            while (true)
            {
                Mailbox? next = null;
                lock (_gate)
                {
                    if (_ready.Count > 0)
                    {
                        var index = _random.Next(_ready.Count);
                        next = _ready[index];
                        _ready[index] = _ready[^1];
                        _ready.RemoveAt(_ready.Count - 1);
                    }
                }
                if (next is null)
                {
                    if (fireDueTimers is not null && fireDueTimers()) continue;
                    return turns;
                }
                next.Run();
                turns++;
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
