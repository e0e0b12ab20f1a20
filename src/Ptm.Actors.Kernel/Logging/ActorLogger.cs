using Serilog;
using Serilog.Events;

namespace Ptm.Actors.Kernel;

/// <summary>An actor's logger: Serilog message templates with ActorPath and LogSource attached.</summary>
public interface IActorLogger
{
    bool IsEnabled(LogEventLevel level);
    void Debug(string template, params object?[] values);
    void Info(string template, params object?[] values);
    void Warning(string template, params object?[] values);
    void Error(string template, params object?[] values);
    void Error(Exception exception, string template, params object?[] values);
}

internal sealed class ActorLogger(ILogger root, string actorPath) : IActorLogger
{
    private readonly ILogger _log = root.ForContext("ActorPath", actorPath).ForContext("LogSource", actorPath);

    public bool IsEnabled(LogEventLevel level) => _log.IsEnabled(level);
    public void Debug(string template, params object?[] values) => _log.Debug(template, values);
    public void Info(string template, params object?[] values) => _log.Information(template, values);
    public void Warning(string template, params object?[] values) => _log.Warning(template, values);
    public void Error(string template, params object?[] values) => _log.Error(template, values);
    public void Error(Exception exception, string template, params object?[] values) => _log.Error(exception, template, values);
}
