using System.Globalization;
using Akka.Actor;
using Ptm.Actors.Cli.Soak;
using Ptm.Actors.TestKit.Faults;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.Cli.Tests.Soak;

/// <summary>
/// The soak's pty system logs through Akka.Logger.Serilog into the run's logger: an actor's
/// event arrives at its level with the actor path as its source, and Akka.NET's own chatter
/// below Warning does not.
/// </summary>
public class PtySystemLogTests
{
    private static readonly TimeSpan LogPatience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_injected_crash_reaches_the_run_logger_at_debug_with_its_minor_and_side()
    {
        var run = new CapturingLog(LogEventLevel.Debug);
        var crashLogged = run.WaitFor(e => e.RenderMessage(CultureInfo.InvariantCulture).Contains("crashed", StringComparison.Ordinal));
        await using (var ptys = PtySystem.Create(new PtySystemOptions(), PtySystemLog.For(run.Logger)))
        {
            var manager = (int)(await ptys.Posix.OpenManagerAsync(OpenFlags.NoCtty)).ValueOrThrow("posix_openpt");
            (await ptys.Posix.CrashAsync(manager)).ValueOrThrow("crash"); // PD13

            var crash = await crashLogged.WaitAsync(LogPatience);

            Assert.Equal(LogEventLevel.Debug, crash.Level);
            // The side logs its own crash, through the subsystem's logger (category Ptm.Actors).
            Assert.Contains($"DBG] pty 1 ({ptys.Name}): manager crashed (injected)", CapturingLog.ConsoleLine(crash));
        }
    }

    [Fact]
    public async Task An_actor_failure_reaches_the_run_logger_at_error_with_the_failed_actor_as_its_source()
    {
        var run = new CapturingLog(LogEventLevel.Information);
        var failureLogged = run.WaitFor(e => e.Level == LogEventLevel.Error);
        await using var ptys = FaultablePtys.Create(new PtySystemOptions(), PtySystemLog.For(run.Logger));
        var actor = ptys.ActorSystem.ActorOf(Props.Create<Quiet>().WithDispatcher(FaultablePtys.DispatcherId), "failing");
        var failure = new FaultInjector(ptys.ActorSystem).FailNextMessage(actor, new InvalidOperationException("the disk is on fire"));
        actor.Tell("work", ActorRefs.NoSender);

        var logged = await failureLogged.WaitAsync(LogPatience);

        Assert.Same(failure, logged.Exception);
        Assert.StartsWith($"{actor.Path}: ", CapturingLog.Property(logged, PtySystemLog.SourceProperty));
    }

    [Fact]
    public void Akka_chatter_below_warning_stays_out_of_the_run_log_and_its_warnings_do_not()
    {
        var run = new CapturingLog(LogEventLevel.Debug);
        var log = PtySystemLog.For(run.Logger)!;

        log.ForContext(Constants.SourceContextPropertyName, "Akka.Actor.CoordinatedShutdown").Information("CoordinatedShutdown invoked");
        log.ForContext(Constants.SourceContextPropertyName, "Akka.Event.EventStream").Debug("Default Loggers started");
        log.ForContext(Constants.SourceContextPropertyName, "Akka.Actor.CoordinatedShutdown").Warning("a phase timed out");
        log.ForContext(Constants.SourceContextPropertyName, "Ptm.Actors.Pty.CloneActor").Debug("injected crash");

        Assert.Equal(["a phase timed out", "injected crash"], run.Events.Select(e => e.RenderMessage(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_subsystems_open_and_close_events_stay_out_of_the_run_log()
    {
        var run = new CapturingLog(LogEventLevel.Debug);
        await using (var ptys = PtySystem.Create(new PtySystemOptions(), PtySystemLog.For(run.Logger)))
        {
            var manager = (int)(await ptys.Posix.OpenManagerAsync(OpenFlags.NoCtty)).ValueOrThrow("posix_openpt");
            (await ptys.Posix.CloseAsync(manager)).ValueOrThrow("close");
            await ptys.WhenIdleAsync();
        }

        Assert.DoesNotContain(run.Events, e => e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: "Ptm.Actors" });
    }

    [Fact]
    public void A_run_that_logs_nothing_gives_its_pty_system_no_logger() =>
        Assert.Null(PtySystemLog.For(Serilog.Core.Logger.None));

    [Fact]
    public void The_run_s_own_console_line_has_no_source()
    {
        var run = new CapturingLog(LogEventLevel.Information);
        run.Logger.Information("Soak run: {Ptys} ptys", 4);

        var line = CapturingLog.ConsoleLine(Assert.Single(run.Events));

        Assert.EndsWith("INF] Soak run: 4 ptys", line.TrimEnd());
    }

    /// <summary>An actor for FailNextMessage to fail; it never gets to handle anything.</summary>
    private sealed class Quiet : FaultableUntypedActor
    {
        protected override void OnReceive(object message) { }
    }

    /// <summary>A run logger that keeps its events and lets a test wait for one.</summary>
    private sealed class CapturingLog : ILogEventSink
    {
        private readonly object _gate = new();
        private readonly List<LogEvent> _events = [];
        private readonly List<(Func<LogEvent, bool> Match, TaskCompletionSource<LogEvent> Seen)> _waits = [];

        public CapturingLog(LogEventLevel level) =>
            Logger = new LoggerConfiguration().MinimumLevel.Is(level).WriteTo.Sink(this).CreateLogger();

        public Serilog.ILogger Logger { get; }

        public IReadOnlyList<LogEvent> Events
        {
            get { lock (_gate) return [.. _events]; }
        }

        public Task<LogEvent> WaitFor(Func<LogEvent, bool> match)
        {
            var seen = new TaskCompletionSource<LogEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate) _waits.Add((match, seen));
            return seen.Task;
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_gate)
            {
                _events.Add(logEvent);
                foreach (var (match, seen) in _waits)
                    if (match(logEvent)) seen.TrySetResult(logEvent);
            }
        }

        /// <summary>The event as the soak's console sink lays it out.</summary>
        public static string ConsoleLine(LogEvent logEvent)
        {
            var text = new StringWriter();
            new MessageTemplateTextFormatter(SoakLogging.OutputTemplate, CultureInfo.InvariantCulture).Format(logEvent, text);
            return text.ToString();
        }

        public static string Property(LogEvent logEvent, string name) =>
            logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string text } ? text : "";
    }
}
