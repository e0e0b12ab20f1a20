using System.Collections.Concurrent;
using Ptm.Actors.Kernel;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Xunit;
using Xunit.Abstractions;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Base class for xunit actor tests: a fresh system per test (created on first use, so a seed
/// from a [Theory] parameter or [DeterministicSeed] can still choose the dispatcher), a default
/// probe as <see cref="TestActor"/>, every log event captured from system start, and disposal
/// that shuts the system down and fails the test on unexpected dead letters or logged errors
/// (opt out per test with <see cref="AllowDeadLetters"/> / <see cref="AllowLoggedErrors"/>).
/// </summary>
public abstract partial class TestKit : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<Type, TestKit> s_current = new();

    private readonly ITestOutputHelper? _output;
    private readonly InMemoryLogSink _sink = new();
    private readonly List<DeadLetter> _deadLetters = new();
    // The system and the default probe are made on first use, which may be an actor's constructor
    // on a pool thread (Props.Create(() => new X(TestActor))) racing the test's own thread.
    private readonly object _firstUse = new();
    private ActorSystem? _system;
    private SystemDriver? _driver;
    private TestProbe? _testActor;
    private Logger? _logger;
    private IDisposable? _deadLetterSubscription;
    private int _probes;

    protected TestKit(ITestOutputHelper? output = null, TestKitSettings? settings = null)
    {
        _output = output;
        Settings = settings ?? new TestKitSettings();
        Logs = new CapturedLogs(_sink);
        // Lets [DeterministicSeed] (which xunit runs after the constructor) find this instance.
        s_current[GetType()] = this;
    }

    public TestKitSettings Settings { get; private set; }

    /// <summary>The test's actor system, created on first use.</summary>
    public ActorSystem Sys => EnsureSystem().System;

    /// <summary>Runs, waits for and time-travels the system.</summary>
    public SystemDriver Driver => EnsureSystem();

    /// <summary>The default probe's ref, for use as a sender or a reply target.</summary>
    public IActorRef TestActor => TestActorProbe.Ref;

    public TestProbe TestActorProbe
    {
        get
        {
            if (Volatile.Read(ref _testActor) is { } probe) return probe;
            var driver = EnsureSystem();
            lock (_firstUse) return _testActor ??= new TestProbe(driver, "testActor");
        }
    }

    /// <summary>Every log event since the system started.</summary>
    public CapturedLogs Logs { get; }

    public FaultInjector Faults => new(Sys);

    /// <summary>The virtual clock (virtual-time and deterministic tests only).</summary>
    public VirtualClock Clock => EnsureSystem().Clock
        ?? throw new InvalidOperationException("This test runs on real time: set TestKitSettings.VirtualTime, call UseVirtualTime() or UseSeed(seed) first.");

    /// <summary>Dead letters published while the system ran (before shutdown).</summary>
    public IReadOnlyList<DeadLetter> DeadLetters
    {
        get { lock (_deadLetters) return _deadLetters.ToArray(); }
    }

    /// <summary>Runs this test on the deterministic dispatcher with <paramref name="seed"/>. Call before touching Sys.</summary>
    public void UseSeed(int seed) => Reconfigure(Settings with { Seed = seed }, $"UseSeed({seed})");

    /// <summary>Drives the system's timers with a VirtualClock. Call before touching Sys.</summary>
    public void UseVirtualTime() => Reconfigure(Settings with { VirtualTime = true }, "UseVirtualTime()");

    /// <summary>This test expects dead letters: do not fail at disposal because of them.</summary>
    public void AllowDeadLetters() => Settings = Settings with { FailOnDeadLetters = false };

    /// <summary>This test expects errors in the log: do not fail at disposal because of them.</summary>
    public void AllowLoggedErrors() => Settings = Settings with { FailOnLoggedErrors = false };

    public TestProbe CreateTestProbe(string? name = null) =>
        new(EnsureSystem(), name ?? "probe-" + Interlocked.Increment(ref _probes));

    public TimeSpan Dilated(TimeSpan duration) => Settings.Dilated(duration);

    /// <summary>Completes when the system is idle (a deterministic system is run to that point).</summary>
    public Task WaitForIdleAsync(TimeSpan? timeout = null) => Driver.WaitForIdleAsync(timeout);

    /// <summary>Advances virtual time, letting the actors react at each due timer, then waits for idle.</summary>
    public Task AdvanceAsync(TimeSpan by) => Driver.AdvanceAsync(by);

    internal static TestKit? CurrentFor(Type? testClass) =>
        testClass is not null && s_current.TryGetValue(testClass, out var kit) ? kit : null;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        s_current.TryRemove(new KeyValuePair<Type, TestKit>(GetType(), this));
        if (_system is null) return;
        var problems = new List<string>();
        var shutdown = Dilated(Settings.ShutdownTimeout);
        try
        {
            await _system.Terminate().WaitAsync(shutdown).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            problems.Add($"the actor system '{_system.Name}' did not shut down within {shutdown.TotalMilliseconds:0} ms");
        }
        _deadLetterSubscription?.Dispose();
        if (Settings.FailOnDeadLetters)
        {
            var unexpected = DeadLetters.Where(d => d.Message is not IDeadLetterSuppression).ToList();
            if (unexpected.Count > 0)
                problems.Add($"{unexpected.Count} unexpected dead letter(s) (call AllowDeadLetters() if the test expects them): " +
                             string.Join("; ", unexpected.Take(10).Select(d => $"{ReceivedMessage.Describe(d.Message)} from {d.Sender?.ToString() ?? "noSender"} to {d.Recipient}")));
        }
        if (Settings.FailOnLoggedErrors)
        {
            var errors = Logs.Find(LogEventLevel.Error);
            if (errors.Count > 0)
                problems.Add($"{errors.Count} error(s) logged (call AllowLoggedErrors() if the test expects them): {CapturedLogs.Describe(errors)}");
        }
        _logger?.Dispose();
        if (problems.Count > 0)
            throw new TestKitFailure($"Test teardown of {GetType().Name} failed: {string.Join(" | ", problems)}.{_driver?.SeedNote}");
    }

    private void Reconfigure(TestKitSettings settings, string what)
    {
        if (_system is not null)
            throw new InvalidOperationException($"{what} must come before the test touches Sys, TestActor or a probe: the system '{_system.Name}' already exists.");
        Settings = settings;
    }

    private SystemDriver EnsureSystem()
    {
        if (Volatile.Read(ref _driver) is { } driver) return driver;
        lock (_firstUse) return _driver ?? CreateSystem();
    }

    private SystemDriver CreateSystem()
    {
        var seed = Settings.Seed;
        var clock = seed is not null || Settings.VirtualTime ? new VirtualClock { FireImmediateTimersOnThreadPool = seed is null } : null;
        var logging = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_sink);
        if (_output is not null) logging = logging.WriteTo.Sink(new TestOutputSink(_output));
        _logger = logging.CreateLogger();
        var options = new ActorSystemOptions();
        if (Settings.ConfigureSystem is { } configure) options = configure(options);
        options = options with { DeterministicSeed = seed, Time = clock ?? options.Time, Logger = _logger };
        var name = Settings.SystemName ?? SystemNameFor(GetType());
        _system = ActorSystem.Create(name, options);
        // Letters published while the system shuts down are innocuous by design (kernel-semantics 5.6): not recorded.
        var system = _system;
        _deadLetterSubscription = system.DeadLetterStream.Subscribe(letter =>
        {
            if (system.IsShuttingDown) return;
            lock (_deadLetters) _deadLetters.Add(letter);
        });
        Volatile.Write(ref _driver, new SystemDriver(_system, clock, Settings, seed));
        if (seed is not null) WriteLine($"Actor system '{name}' runs deterministically with seed {seed}: rerun with [DeterministicSeed({seed})] or UseSeed({seed}) to replay.");
        return _driver;
    }

    private void WriteLine(string line)
    {
        try { _output?.WriteLine(line); }
        catch (InvalidOperationException) { }
    }

    private static string SystemNameFor(Type type)
    {
        var chars = type.Name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray();
        return chars.Length == 0 ? "test" : new string(chars);
    }
}
