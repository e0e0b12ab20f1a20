using Akka.Actor;
using Akka.Configuration;
using System.Runtime.CompilerServices;
using Ptm.Actors.Diagnostics;
using Ptm.Actors.Pty;
using Ptm.Actors.Runtime;

namespace Ptm.Actors;

/// <summary>
/// An embedded pseudo-terminal subsystem: one simulated machine's Clone actor and every pty's
/// Manager and Subsidiary actors, on an Akka.NET actor system. Use the handle API
/// (<see cref="OpenManagerAsync"/>, <see cref="OpenSubsidiaryAsync"/>) or the POSIX facade
/// (<see cref="Posix"/>).
/// <list type="bullet">
/// <item><see cref="Create(PtySystemOptions?, Serilog.ILogger?)"/> (or with an ILoggerFactory) runs on an actor system of its own.</item>
/// <item><see cref="Attach(ActorSystem, PtySystemOptions?)"/> runs inside a host's actor system, under its <c>/user</c>; several may attach to one host, each with its own minors.</item>
/// <item><see cref="Get"/> is the host system's own, the Akka.NET extension way.</item>
/// </list>
/// DisposeAsync closes every open descriptor and stops the actors (and the actor system, if it
/// owns it); calls afterwards throw ObjectDisposedException.
/// </summary>
public sealed partial class PtySystem : IAsyncDisposable, IExtension
{
    // Clone names count per actor system, so a seeded system's trace reads the same in every run.
    private static readonly ConditionalWeakTable<ActorSystem, StrongBox<int>> s_clonesBySystem = new();
    private static int s_systems;
    private readonly IActorRef _clone;
    private readonly IDispatcherDriver _driver;
    private readonly bool _ownsSystem;
    private readonly PtyLogging _logging;
    private int _disposeStarted;
    private volatile bool _disposed;

    private PtySystem(ActorSystem system, PtySystemOptions options, bool ownsSystem, PtyLogging logging)
    {
        ActorSystem = system;
        Options = options;
        Log = logging.Logger;
        _ownsSystem = ownsSystem;
        _logging = logging;
        system.Settings.InjectTopLevelFallback(PtyConfig.Reference); // ptm.dispatcher for a host's system too
        StartScheduler(system);
        _driver = DispatcherDrivers.For(system, options.Dispatcher);
        var cloneName = "ptys-" + Interlocked.Increment(ref s_clonesBySystem.GetValue(system, static _ => new StrongBox<int>()).Value);
        var diagnostics = Diagnostics = new PtyDiagnostics(system.Name + "/" + cloneName, Log, Statistics);
        Completion = CallCompletion.For(options, _driver, diagnostics);
        var (statistics, completion, dispatcher) = (Statistics, Completion, options.Dispatcher);
        _clone = system.ActorOf(
            ActorFactory.Props(() => new CloneActor(options, statistics, completion, dispatcher, diagnostics), dispatcher),
            cloneName);
        AwaitCloneStarted();
        Posix = new PosixApi(this);
    }

    /// <summary>The subsystem's tunables and dispatcher.</summary>
    public PtySystemOptions Options { get; }

    /// <summary>
    /// Where the subsystem's own events go (category "Ptm.Actors"): the ILoggerFactory or the
    /// Serilog logger it was created with, a silent logger otherwise.
    /// </summary>
    internal Microsoft.Extensions.Logging.ILogger Log { get; }

    /// <summary>The Akka.NET actor system the pty actors run on.</summary>
    public ActorSystem ActorSystem { get; }

    internal CallCompletion Completion { get; }

    /// <summary>Only a seed decides how the actors interleave (the TestKit's seeded dispatcher).</summary>
    internal bool IsDeterministic => _driver.IsDeterministic;

    /// <summary>The Clone actor (the /dev/ptmx and /dev/pts owner), for fault injection and diagnostics.</summary>
    internal IActorRef CloneActor => _clone;

    /// <summary>The C-style facade: integer descriptors and errno results.</summary>
    public PosixApi Posix { get; }

    /// <summary>Allocated minors now and at the peak, failures and dead letters (the Clone actor's counters).</summary>
    internal CloneStatistics Statistics { get; } = new();

    /// <summary>Minors allocated now (L16: zero once every pty is closed).</summary>
    public int AllocatedMinors => Statistics.Allocated;

    /// <summary>Dead letters nobody expected: not a request answered on its caller's behalf, not pair traffic of a close race.</summary>
    public long UnexpectedDeadLetters => Statistics.UnexpectedDeadLetters;

    /// <summary>The first few unexpected dead letters, as "Message to path".</summary>
    public IReadOnlyList<string> UnexpectedDeadLetterExamples => Statistics.UnexpectedDeadLetterExamples;

    /// <summary>True once DisposeAsync has closed everything.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>DisposeAsync has begun: the hang-ups its closes cause are not the host's (PtyHandle.HungUp is cancelled instead).</summary>
    internal bool IsDisposing => Volatile.Read(ref _disposeStarted) != 0 || _disposed;

    /// <summary>
    /// A pty subsystem on an actor system of its own (named <c>ptys-N</c>), which DisposeAsync
    /// terminates. Actor logging goes through Akka.Logger.Serilog to <paramref name="logger"/>, and
    /// so do the subsystem's own events (opens, closes, hang-ups and crashes at Debug); none: the
    /// actor system logs nothing. An ILoggerFactory overload is in PtySystem.Logging.cs.
    /// </summary>
    public static PtySystem Create(PtySystemOptions? options = null, Serilog.ILogger? logger = null) =>
        CreateOwned("ptys", Config.Empty, options ?? new PtySystemOptions(), logger);

    /// <summary>
    /// A PtySystem on an actor system of its own, named <paramref name="prefix"/>-N, configured by
    /// <paramref name="config"/> over the logging for <paramref name="logger"/> and our defaults
    /// (Create, and the TestKit's seeded and faultable systems with their own dispatchers).
    /// </summary>
    internal static PtySystem CreateOwned(string prefix, Config config, PtySystemOptions options, Serilog.ILogger? logger) =>
        CreateOwned(prefix, config, options, name => PtyLogging.ToSerilog(name, logger));

    /// <summary>
    /// A pty subsystem inside a host's actor system, its actors under the host's <c>/user</c>.
    /// Each attached PtySystem is its own simulated machine (its first pty is /dev/pts/1).
    /// DisposeAsync stops its actors and frees its minors and leaves the host system running.
    /// Its own events log to the ILoggerFactory of Akka.Hosting's <c>LoggerFactorySetup</c> in the
    /// system's setup, if there is one (an Akka.Hosting app has the host's factory there).
    /// </summary>
    public static PtySystem Attach(ActorSystem system, PtySystemOptions? options = null) => Attached(system, options, loggerFactory: null);

    /// <summary>
    /// The actor system's own pty subsystem (an Akka.NET extension, like <c>Cluster.Get(system)</c>):
    /// created on first use with the options of a <see cref="PtySetup"/> in the system's setup (or
    /// the defaults), always the same instance for that system, ended with the system.
    /// </summary>
    public static PtySystem Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<PtySystem, PtySystemProvider>();
    }

    /// <summary>Completes when no pty actor has work and no call is in flight (a seeded dispatcher is run to that point here).</summary>
    /// <param name="cancellationToken">Stops waiting (the Task is cancelled); the system runs on regardless.</param>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) =>
        cancellationToken.CanBeCanceled ? _driver.WhenIdleAsync().WaitAsync(cancellationToken) : _driver.WhenIdleAsync();

    /// <summary>
    /// posix_openpt(3C): opens /dev/ptmx, a new pty's manager (L1). Then
    /// <see cref="ManagerHandle.OpenSubsidiaryAsync"/> opens its subsidiary, or
    /// <see cref="OpenTerminalAsync"/> does both and makes the subsidiary a terminal.
    /// </summary>
    /// <param name="flags">open(2) flags; <see cref="OpenFlags.NoCtty"/> by default, as for every open of the handle API.</param>
    /// <param name="who">Whose credentials the handle's calls carry (PD12); root by default.</param>
    /// <param name="cancellationToken">Cancels the open; nothing stays open.</param>
    /// <exception cref="PtyException">ENOMEM when out of ptys (PD2).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ManagerHandle> OpenManagerAsync(OpenFlags flags = OpenFlags.NoCtty, Credentials? who = null, CancellationToken cancellationToken = default) =>
        OpenAsync<ManagerHandle>("/dev/ptmx", flags, who, cancellationToken);

    /// <summary>open(2) of "/dev/pts/N": a subsidiary, once its manager has granted and unlocked it (C10, L7).</summary>
    /// <param name="path">The subsidiary's name, as <see cref="ManagerHandle.GetSubsidiaryNameAsync"/> gives it.</param>
    /// <param name="flags">open(2) flags; <see cref="OpenFlags.NoCtty"/> by default, as for every open of the handle API.</param>
    /// <param name="who">Whose credentials the handle's calls carry (PD12); root by default.</param>
    /// <param name="cancellationToken">Cancels the open; nothing stays open.</param>
    /// <exception cref="PtyException">ENOENT for a name that is not a pty's, EIO while it is locked (C5), EACCES without permission (L8).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SubsidiaryHandle> OpenSubsidiaryAsync(string path, OpenFlags flags = OpenFlags.NoCtty, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "/dev/ptmx") throw new ArgumentException("/dev/ptmx opens a manager: use OpenManagerAsync.", nameof(path));
        return OpenAsync<SubsidiaryHandle>(path, flags, who, cancellationToken);
    }

    /// <summary>A PtyNode's open of the node-local slot the cluster directory admitted it to (specs/cluster, CL3, CL4).</summary>
    internal Task<SubsidiaryHandle> OpenAdmittedSubsidiaryAsync(int localMinor, OpenFlags flags, Credentials? who, CancellationToken cancellationToken) =>
        OpenAsync<SubsidiaryHandle>("/dev/pts/" + localMinor, flags, who, cancellationToken, throughDirectory: true);

    private async Task<THandle> OpenAsync<THandle>(
        string path, OpenFlags flags, Credentials? who, CancellationToken cancellationToken, bool throughDirectory = false) where THandle : PtyHandle
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (call, handle) = Posix.Open(path, flags, who ?? Credentials.Root, cancellationToken, throughDirectory);
        (await call.ConfigureAwait(false)).ValueOrThrow("open " + path, cancellationToken);
        return (THandle)handle!;
    }

    /// <summary>Closes every open descriptor, stops the pty actors, and terminates the actor system if this PtySystem owns it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) != 0) return;
        if (!ActorSystem.WhenTerminated.IsCompleted) await Posix.CloseEverythingAsync().ConfigureAwait(false);
        Statistics.Stopping = true;
        _disposed = true; // from here on, calls throw ObjectDisposedException
        _driver.ShuttingDown();
        if (_ownsSystem) await ActorSystem.Terminate().ConfigureAwait(false);
        else if (!ActorSystem.WhenTerminated.IsCompleted) await StopCloneAsync().ConfigureAwait(false);
        _logging.Dispose();
    }

    /// <summary>The system ended under an extension: nothing is left to close.</summary>
    internal void MarkTerminated()
    {
        Statistics.Stopping = true;
        _disposed = true;
    }

    /// <summary>
    /// Akka.NET starts a top-level actor on the /user guardian's thread: until then its ref
    /// buffers what it is sent where no dispatcher counts it, so WhenIdleAsync could report idle
    /// with the first open still in that buffer. Starting takes the guardian one message; the
    /// wait is bounded in case the host's guardian is stuck.
    /// </summary>
    private void AwaitCloneStarted()
    {
        if (!SpinWait.SpinUntil(() => _clone is not RepointableActorRef { IsStarted: false }, TimeSpan.FromSeconds(30)))
            throw new TimeoutException($"the actor system '{ActorSystem.Name}' did not start the pty Clone actor within 30 s");
    }

    /// <summary>
    /// Akka.NET's default scheduler starts its timer thread on first use and makes that first
    /// caller wait for it. The first use is often a dispatcher's shutdown timer scheduled from a
    /// stopping actor's turn, which then blocks a pool thread (0.5-2 s under load on two cores,
    /// while the runs queued behind it wait for the pool to grow). Started here, nobody waits.
    /// </summary>
    private static void StartScheduler(ActorSystem system)
    {
        if (system.Scheduler is HashedWheelTimerScheduler) system.Scheduler.Advanced.ScheduleOnce(TimeSpan.Zero, static () => { });
    }

    private async Task StopCloneAsync()
    {
        try
        {
            await _clone.GracefulStop(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TaskCanceledException)
        {
            // Stopping is under way; the host's system finishes it.
        }
    }

    internal void ThrowIfDisposed()
    {
        if (IsDisposed) throw new ObjectDisposedException(nameof(PtySystem), "The pty system has been disposed.");
    }

    /// <summary>A call refused before it reached an actor (a bad descriptor, a bad argument): counted in ptm.errors as a failed request is.</summary>
    internal SysResult Refuse(Errno errno)
    {
        Diagnostics.Error(errno);
        return SysResult.Fail(errno);
    }

    /// <summary><see cref="Refuse"/> as a finished call.</summary>
    internal Task<SysResult> Refused(Errno errno) => Task.FromResult(Refuse(errno));

    internal void SendToClone(object request) => _clone.Tell(request);
}
