using Ptm.Actors.Kernel;
using Ptm.Actors.Pty;
using Serilog;

namespace Ptm.Actors;

/// <summary>
/// An embedded pseudo-terminal subsystem: the Clone actor and every pty's Manager and
/// Subsidiary actors on one actor system. Use the handle API (<see cref="OpenManagerAsync"/>,
/// <see cref="OpenSubsidiaryAsync"/>) or the POSIX facade (<see cref="Posix"/>). DisposeAsync
/// closes every open descriptor and shuts the actors down; calls afterwards throw
/// ObjectDisposedException.
/// </summary>
public sealed class PtySystem : IAsyncDisposable
{
    private readonly IActorRef _clone;
    private readonly List<string> _unexpectedExamples = new();
    private readonly IDisposable _deadLetterSubscription;
    private long _unexpectedDeadLetters;
    private int _disposeStarted;
    private volatile bool _disposed;

    private PtySystem(PtySystemOptions options, ILogger? logger)
    {
        Options = options;
        Log = logger ?? Serilog.Core.Logger.None;
        Actors = ActorSystem.Create("pty", new ActorSystemOptions
        {
            DeterministicSeed = options.DeterministicSeed,
            Time = options.Time,
            Logger = Log,
            RecordTrace = options.RecordTrace,
            // The Clone actor's state is every pty's bookkeeping: a failure there is logged and resumed, never a restart.
            GuardianStrategy = new OneForOneStrategy(_ => Directive.Resume),
        });
        Completion = CallCompletion.For(options, Actors);
        _deadLetterSubscription = Actors.DeadLetterStream.Subscribe(OnDeadLetter);
        _clone = Actors.ActorOf(Props.Create(() => new CloneActor(options, Statistics)), "clone");
        Posix = new PosixApi(this);
    }

    public PtySystemOptions Options { get; }
    public ILogger Log { get; }

    internal CallCompletion Completion { get; }

    /// <summary>The actor system underneath (for tests, fault injection and diagnostics).</summary>
    public ActorSystem Actors { get; }

    /// <summary>The Clone actor (the /dev/ptmx and /dev/pts owner), for fault injection and diagnostics.</summary>
    public IActorRef CloneActor => _clone;

    /// <summary>The C-style facade: integer descriptors and errno results.</summary>
    public PosixApi Posix { get; }

    /// <summary>Allocated minors now and at the peak (the Clone actor's counters).</summary>
    public CloneStatistics Statistics { get; } = new();

    public int AllocatedMinors => Statistics.Allocated;

    /// <summary>Dead letters nobody expected: not a request answered on its caller's behalf, not pair traffic of a close race.</summary>
    public long UnexpectedDeadLetters => Interlocked.Read(ref _unexpectedDeadLetters);

    public IReadOnlyList<string> UnexpectedDeadLetterExamples
    {
        get { lock (_unexpectedExamples) return _unexpectedExamples.ToArray(); }
    }

    public bool IsDisposed => _disposed;

    public static PtySystem Create(PtySystemOptions? options = null, ILogger? logger = null)
    {
        options ??= new PtySystemOptions();
        options.Validate();
        return new PtySystem(options, logger);
    }

    /// <summary>Completes when every actor is idle and nothing is in flight (on a deterministic system, runs it there).</summary>
    public Task WhenIdleAsync() => Actors.WhenIdleAsync();

    /// <summary>posix_openpt: a new manager (L1). Fails with PtyException (ENOMEM when out of ptys, PD2).</summary>
    public async Task<ManagerHandle> OpenManagerAsync(OpenFlags flags = OpenFlags.None, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        var result = await Posix.Open("/dev/ptmx", flags, who, cancellationToken).ConfigureAwait(false);
        return new ManagerHandle(this, Posix.FileOf((int)result.ValueOrThrow("open /dev/ptmx")), who ?? Credentials.Root);
    }

    /// <summary>open("/dev/pts/N").</summary>
    public async Task<SubsidiaryHandle> OpenSubsidiaryAsync(string path, OpenFlags flags = OpenFlags.None, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        var result = await Posix.Open(path, flags, who, cancellationToken).ConfigureAwait(false);
        return new SubsidiaryHandle(this, Posix.FileOf((int)result.ValueOrThrow("open " + path)), who ?? Credentials.Root);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) != 0) return;
        await Posix.CloseEverythingAsync().ConfigureAwait(false);
        await Actors.WhenIdleAsync().ConfigureAwait(false);
        _disposed = true; // from here on, calls throw ObjectDisposedException
        await Actors.Terminate().ConfigureAwait(false);
        _deadLetterSubscription.Dispose();
    }

    internal void ThrowIfDisposed()
    {
        if (IsDisposed) throw new ObjectDisposedException(nameof(PtySystem), "The pty system has been disposed.");
    }

    internal void SendToClone(object request) => _clone.Tell(request);

    /// <summary>A request whose side is gone is answered here (EIO for a crashed side, PD13), so no call waits forever.</summary>
    private void OnDeadLetter(DeadLetter letter)
    {
        switch (letter.Message)
        {
            case PtyRequest request:
                request.Complete(request.WhenSideIsGone);
                return;
            case JoinOpen join:
                // The stream finished its last close before the join arrived: evaluate the open again (R7).
                SendToClone(new DriverOpen(join.Request));
                return;
        }
        if (letter.Message is IDeadLetterSuppression || Actors.IsShuttingDown) return;
        Interlocked.Increment(ref _unexpectedDeadLetters);
        lock (_unexpectedExamples)
            if (_unexpectedExamples.Count < 10)
                _unexpectedExamples.Add($"{letter.Message.GetType().Name} to {letter.Recipient.Path}");
    }
}
