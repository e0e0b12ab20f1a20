namespace Ptm.Actors.Kernel.Dispatch;

/// <summary>
/// An actor's two queues and its run loop. System messages are always processed first and
/// again after every user message ("never run a user message while a system message waits");
/// user messages are FIFO, at most <see cref="IDispatcher.Throughput"/> per run.
/// One lock guards both queues; it is never held while an actor runs or while anything is told.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private readonly ActorCell _cell;
    private Envelope[] _user = Array.Empty<Envelope>();
    private int _userHead;
    private int _userCount;
    private Queue<SystemMessage>? _system;
    private bool _closed;
    private int _scheduled;

    public Mailbox(ActorCell cell) => _cell = cell;

    public int UserCount
    {
        get { lock (this) return _userCount; }
    }

    public bool IsClosed
    {
        get { lock (this) return _closed; }
    }

    /// <summary>Enqueues a user message, or returns false when the mailbox is closed (the caller dead-letters it).</summary>
    public bool EnqueueUser(in Envelope envelope)
    {
        lock (this)
        {
            if (_closed) return false;
            if (_userCount == _user.Length) Grow();
            _user[(_userHead + _userCount) % _user.Length] = envelope;
            _userCount++;
        }
        if (_cell.CanProcessUserMessages) TrySchedule();
        return true;
    }

    /// <summary>Puts messages back at the head of the user queue, keeping their order (Stash.UnstashAll).</summary>
    public void PrependUser(List<Envelope> envelopes)
    {
        lock (this)
        {
            for (var i = envelopes.Count - 1; i >= 0; i--)
            {
                if (_userCount == _user.Length) Grow();
                _userHead = (_userHead - 1 + _user.Length) % _user.Length;
                _user[_userHead] = envelopes[i];
                _userCount++;
            }
        }
    }

    /// <summary>Enqueues a system message, or returns false when the mailbox is closed.</summary>
    public bool EnqueueSystem(SystemMessage message)
    {
        lock (this)
        {
            if (_closed) return false;
            (_system ??= new Queue<SystemMessage>(2)).Enqueue(message);
        }
        TrySchedule();
        return true;
    }

    /// <summary>Closes the mailbox; whatever is still queued is returned for dead-lettering.</summary>
    public (List<Envelope> User, List<SystemMessage> System) Close()
    {
        var user = new List<Envelope>();
        var system = new List<SystemMessage>();
        lock (this)
        {
            _closed = true;
            for (var i = 0; i < _userCount; i++) user.Add(_user[(_userHead + i) % _user.Length]);
            _user = Array.Empty<Envelope>();
            _userHead = _userCount = 0;
            if (_system is not null) { system.AddRange(_system); _system = null; }
        }
        return (user, system);
    }

    /// <summary>Schedules a run if there is anything runnable (after a resume or a release).</summary>
    public void ScheduleIfWork()
    {
        if (HasRunnableWork()) TrySchedule();
    }

    public void Execute() => Run();

    /// <summary>One run: system messages, then up to Throughput user messages, each followed by system messages.</summary>
    public void Run()
    {
        var idle = _cell.System.Idle;
        try
        {
            ProcessSystemMessages();
            var budget = _cell.System.Dispatcher.Throughput;
            while (budget-- > 0 && _cell.CanProcessUserMessages)
            {
                if (!TryDequeueUser(out var envelope)) break;
                _cell.Invoke(envelope);
                ProcessSystemMessages();
            }
        }
        finally
        {
            Volatile.Write(ref _scheduled, 0);
            // Re-schedule before leaving the busy count so idle is never reported in between.
            if (HasRunnableWork()) TrySchedule();
            idle.Exit();
        }
    }

    private void ProcessSystemMessages()
    {
        while (true)
        {
            SystemMessage? message;
            lock (this)
            {
                if (_system is null || _system.Count == 0) return;
                message = _system.Dequeue();
            }
            _cell.SystemInvoke(message);
        }
    }

    private bool TryDequeueUser(out Envelope envelope)
    {
        lock (this)
        {
            if (_userCount == 0) { envelope = default; return false; }
            envelope = _user[_userHead];
            _user[_userHead] = default;
            _userHead = (_userHead + 1) % _user.Length;
            _userCount--;
            if (_userCount == 0) _userHead = 0;
            return true;
        }
    }

    private bool HasRunnableWork()
    {
        lock (this)
        {
            if (_closed) return false;
            if (_system is not null && _system.Count > 0) return true;
            return _userCount > 0 && _cell.CanProcessUserMessages;
        }
    }

    private void TrySchedule()
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0) return;
        _cell.System.Idle.Enter();
        _cell.System.Dispatcher.Schedule(this);
    }

    private void Grow()
    {
        var bigger = new Envelope[_user.Length == 0 ? 4 : _user.Length * 2];
        for (var i = 0; i < _userCount; i++) bigger[i] = _user[(_userHead + i) % _user.Length];
        _user = bigger;
        _userHead = 0;
    }
}
