using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.Cli.Soak;

/// <summary>
/// The run's Serilog logger: violations at Error, faults at Debug (shown with --verbose), all on
/// stderr. While a live display owns the terminal, events are held (DeferredLogSink) and
/// written once Release is called, so they never tear through the progress display.
/// </summary>
internal sealed class SoakLogging : IDisposable
{
    private readonly Logger? _console;
    private readonly Logger? _front;
    private readonly DeferredLogSink? _deferred;
    private bool _released;

    private SoakLogging(ILogger logger, Logger? console, Logger? front, DeferredLogSink? deferred)
    {
        Logger = logger;
        _console = console;
        _front = front;
        _deferred = deferred;
    }

    /// <summary>
    /// The console line: an actor's event starts with its source, the actor path (PtySystemLog
    /// adds it); the run's own events have none.
    /// </summary>
    public const string OutputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {" + PtySystemLog.SourceProperty + ":l}{Message:lj}{NewLine}{Exception}";

    public ILogger Logger { get; }

    /// <summary>A console logger on stderr; with deferUntilReleased, events wait for Release.</summary>
    public static SoakLogging Create(bool verbose, bool deferUntilReleased)
    {
        var level = verbose ? LogEventLevel.Debug : LogEventLevel.Information;
        var console = Console(level);
        if (!deferUntilReleased) return new SoakLogging(console, console, null, null);
        var deferred = new DeferredLogSink();
        var front = new LoggerConfiguration().MinimumLevel.Is(level).WriteTo.Sink(deferred).CreateLogger();
        return new SoakLogging(front, console, front, deferred);
    }

    /// <summary>A logger writing every event from <paramref name="level"/> up to stderr.</summary>
    public static Logger Console(LogEventLevel level) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Console(outputTemplate: OutputTemplate, standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture)
            .CreateLogger();

    /// <summary>Uses a logger owned by someone else (tests).</summary>
    public static SoakLogging Wrap(ILogger logger) => new(logger, null, null, null);

    /// <summary>Writes the held events and lets later ones straight through.</summary>
    public void Release()
    {
        if (_released || _deferred is null || _console is null) return;
        _released = true;
        var console = _console;
        _deferred.Release(console, dropped => console.Warning("{Dropped} log events were dropped while the live display ran", dropped));
    }

    public void Dispose()
    {
        Release();
        _front?.Dispose();
        _console?.Dispose();
    }
}
