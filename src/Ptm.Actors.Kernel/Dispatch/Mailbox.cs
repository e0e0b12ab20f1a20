namespace Ptm.Actors.Kernel.Dispatch;

/// <summary>
/// An actor's two queues and its run loop. System messages are always processed first and
/// again after every user message ("never run a user message while a system message waits");
/// user messages are FIFO, at most <see cref="IDispatcher.Throughput"/> per run.
/// User messages arrive in an incoming ring guarded by the lock; the run loop swaps that ring
/// for its own empty one in a single locked step and then dequeues without locking, so senders
/// and the receiving actor do not fight over the lock once per message. The lock is never held
/// while an actor runs or while anything is told.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private readonly ActorCell _cell;

    // Guarded by the lock: what senders append to.
    private Envelope[] _incoming = Array.Empty<Envelope>();
    private int _incomingHead;
    private int _incomingCount;

    // Owned by the run loop (the actor's turn): taken from _incoming in one swap; Stash prepends here.
    private Envelope[] _ready = Array.Empty<Envelope>();
    private int _readyHead;
    private int _readyCount;

    // System queue: the oldest in a field, the rest (rarely any) in a queue made on demand, so an
    // actor's Create message costs no queue. Guarded by the lock.
    private SystemMessage? _systemFirst;
    private Queue<SystemMessage>? _systemRest;
    private int _systemCount; // written under the lock, read without it to skip the lock when zero
    private bool _closed;
    private int _scheduled;
    private int _gate; // 1 while a thread holds the mailbox's lock (Acquire/Release)

    public Mailbox(ActorCell cell) => _cell = cell;

    public int UserCount
    {
        get { Acquire(); try { return _incomingCount + Volatile.Read(ref _readyCount); } finally { Release(); } }
    }

    public bool IsClosed
    {
        get { Acquire(); try { return _closed; } finally { Release(); } }
    }

    /// <summary>Enqueues a user message, or returns false when the mailbox is closed (the caller dead-letters it).</summary>
    public bool EnqueueUser(in Envelope envelope)
    {
        bool idle;
        Acquire();
        try
        {
            if (_closed) return false;
            if (_incomingCount == _incoming.Length) Grow(ref _incoming, ref _incomingHead, _incomingCount);
            _incoming[(_incomingHead + _incomingCount) & (_incoming.Length - 1)] = envelope;
            _incomingCount++;
            // Read under the lock: a run that is ending clears _scheduled before its locked last look.
            idle = _scheduled == 0;
        }
        finally { Release(); }
        if (idle && _cell.CanProcessUserMessages) TrySchedule();
        return true;
    }

    /// <summary>Puts messages back at the head of the user queue, keeping their order (Stash.UnstashAll). Only on the actor's turn.</summary>
    public void PrependUser(List<Envelope> envelopes)
    {
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            if (_readyCount == _ready.Length) Grow(ref _ready, ref _readyHead, _readyCount);
            _readyHead = (_readyHead - 1) & (_ready.Length - 1);
            _ready[_readyHead] = envelopes[i];
            Volatile.Write(ref _readyCount, _readyCount + 1);
        }
    }

    /// <summary>Enqueues a system message, or returns false when the mailbox is closed.</summary>
    public bool EnqueueSystem(SystemMessage message)
    {
        Acquire();
        try
        {
            if (_closed) return false;
            if (_systemCount == 0) _systemFirst = message;
            else (_systemRest ??= new Queue<SystemMessage>(2)).Enqueue(message);
            _systemCount++;
        }
        finally { Release(); }
        TrySchedule();
        return true;
    }

    /// <summary>
    /// Closes the mailbox; whatever is still queued is returned for dead-lettering (null when
    /// nothing is, so a clean stop allocates nothing). Only on the actor's turn.
    /// </summary>
    public (List<Envelope>? User, List<SystemMessage>? System) Close()
    {
        List<Envelope>? user = null;
        List<SystemMessage>? system = null;
        Acquire();
        try
        {
            _closed = true;
            if (_readyCount + _incomingCount > 0)
            {
                user = new List<Envelope>(_readyCount + _incomingCount);
                for (var i = 0; i < _readyCount; i++) user.Add(_ready[(_readyHead + i) & (_ready.Length - 1)]);
                for (var i = 0; i < _incomingCount; i++) user.Add(_incoming[(_incomingHead + i) & (_incoming.Length - 1)]);
            }
            _ready = _incoming = Array.Empty<Envelope>();
            _readyHead = _readyCount = _incomingHead = _incomingCount = 0;
            if (_systemCount > 0)
            {
                system = new List<SystemMessage>(_systemCount) { _systemFirst! };
                if (_systemRest is not null) system.AddRange(_systemRest);
            }
            _systemFirst = null;
            _systemRest = null;
            _systemCount = 0;
        }
        finally { Release(); }
        return (user, system);
    }

    /// <summary>Schedules a run if there is anything runnable (after a resume or a release).</summary>
    public void ScheduleIfWork()
    {
        if (HasRunnableWork()) TrySchedule();
    }

    /// <summary>The ThreadPool's entry point: this run, then the runs it handed off (<see cref="WorkerChain"/>), then the pool again.</summary>
    public void Execute()
    {
        var chain = WorkerChain.Enter();
        try
        {
            Run(chain);
            chain.RunHandOffs();
        }
        finally
        {
            chain.Leave();
        }
    }

    /// <summary>Queues this (already scheduled) mailbox on its dispatcher.</summary>
    internal void ScheduleOnDispatcher() => _cell.System.Dispatcher.Schedule(this);

    /// <summary>One run: system messages, then up to Throughput user messages, each followed by system messages.</summary>
    public void Run() => Run(null);

    /// <summary>A run on the ThreadPool, as part of <paramref name="chain"/> (null: a run the deterministic dispatcher or a test drives).</summary>
    internal void Run(WorkerChain? chain)
    {
        var system = _cell.System;
        var idle = system.Idle;
        chain?.BeginRun(system);
        var stillScheduled = false;
        try
        {
            ProcessSystemMessages();
            var budget = system.Dispatcher.Throughput;
            var processed = 0;
            while (budget-- > 0 && _cell.CanProcessUserMessages)
            {
                if (!TryDequeueUser(out var envelope)) break;
                // A mailbox an earlier message of this run woke must not wait for this one.
                if (processed++ > 0) chain?.BeforeNextMessage();
                _cell.Invoke(envelope);
                ProcessSystemMessages();
            }
            // More work already waiting: queue the next run while still counted busy and still
            // owning _scheduled, so no idle moment, no busy-count round trip, no CAS.
            stillScheduled = !_closed && LooksRunnable();
        }
        finally
        {
            if (stillScheduled) system.Dispatcher.Schedule(this);
            else
            {
                Volatile.Write(ref _scheduled, 0);
                // Re-schedule before leaving the busy count so idle is never reported in between.
                if (HasRunnableWork()) TrySchedule();
            }
            // The mailbox is released: a caller resumed now may tell this actor again. A run that
            // stays scheduled keeps its place in the busy count for the next one.
            var busy = stillScheduled ? null : idle;
            if (chain is null) busy?.Exit();
            else chain.EndRun(busy);
        }
    }

    private void ProcessSystemMessages()
    {
        while (Volatile.Read(ref _systemCount) != 0)
        {
            SystemMessage message;
            Acquire();
            try
            {
                if (_systemCount == 0) return;
                message = _systemFirst!;
                _systemFirst = _systemRest is { Count: > 0 } rest ? rest.Dequeue() : null;
                _systemCount--;
            }
            finally { Release(); }
            _cell.SystemInvoke(message);
        }
    }

    private bool TryDequeueUser(out Envelope envelope)
    {
        if (_readyCount == 0 && !TakeIncoming())
        {
            envelope = default;
            return false;
        }
        envelope = _ready[_readyHead];
        _ready[_readyHead] = default;
        _readyHead = (_readyHead + 1) & (_ready.Length - 1);
        Volatile.Write(ref _readyCount, _readyCount - 1);
        if (_readyCount == 0) _readyHead = 0;
        return true;
    }

    /// <summary>Swaps the senders' ring (with everything in it) for the run loop's empty one.</summary>
    private bool TakeIncoming()
    {
        if (Volatile.Read(ref _incomingCount) == 0) return false;
        Acquire();
        try
        {
            if (_incomingCount == 0) return false;
            var emptied = _ready;
            _ready = _incoming;
            _readyHead = _incomingHead;
            Volatile.Write(ref _readyCount, _incomingCount);
            _incoming = emptied;
            _incomingHead = 0;
            _incomingCount = 0;
            return true;
        }
        finally { Release(); }
    }

    /// <summary>A lock-free hint used while this run still owns the mailbox; a miss is caught by the locked look after.</summary>
    private bool LooksRunnable()
    {
        if (Volatile.Read(ref _systemCount) != 0) return true;
        return (_readyCount > 0 || Volatile.Read(ref _incomingCount) > 0) && _cell.CanProcessUserMessages;
    }

    private bool HasRunnableWork()
    {
        Acquire();
        try
        {
            if (_closed) return false;
            if (_systemCount > 0) return true;
            return _readyCount + _incomingCount > 0 && _cell.CanProcessUserMessages;
        }
        finally { Release(); }
    }

    private void TrySchedule()
    {
        if (Volatile.Read(ref _scheduled) != 0 || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0) return;
        _cell.System.Idle.Enter();
        if (_cell.System.Dispatcher.IsDeterministic || WorkerChain.Current is not { } chain || !chain.TryHandOff(this))
            ScheduleOnDispatcher();
    }

    /// <summary>
    /// The mailbox's own spin lock. Every critical section is a handful of field writes that
    /// never blocks or calls out, so a CAS and a store beat Monitor, which once contended
    /// stays inflated and took a slow path on every later lock (12% of ping-pong samples).
    /// </summary>
    private void Acquire()
    {
        if (Interlocked.CompareExchange(ref _gate, 1, 0) == 0) return;
        var spin = new SpinWait();
        do spin.SpinOnce();
        while (Volatile.Read(ref _gate) != 0 || Interlocked.CompareExchange(ref _gate, 1, 0) != 0);
    }

    private void Release() => Volatile.Write(ref _gate, 0);

    /// <summary>Doubles a ring (sizes stay powers of two, so indices wrap with a mask) and moves its contents to the front.</summary>
    private static void Grow(ref Envelope[] ring, ref int head, int count)
    {
        var bigger = new Envelope[ring.Length == 0 ? 4 : ring.Length * 2];
        for (var i = 0; i < count; i++) bigger[i] = ring[(head + i) & (ring.Length - 1)];
        ring = bigger;
        head = 0;
    }
}
