using Microsoft.Extensions.Logging;

namespace Ptm.Actors.Diagnostics;

/// <summary>
/// The subsystem's own log messages, source-generated: each checks that its level is enabled
/// before it formats or boxes anything, so the Debug messages of every open and close cost one
/// check when Debug is off.
/// </summary>
internal static partial class PtyLog
{
    /// <summary>The category of the subsystem's own messages.</summary>
    public const string Category = "Ptm.Actors";

    [LoggerMessage(EventId = 1, EventName = "PtyOpened", Level = LogLevel.Debug, Message = "pty {Minor} ({PtySystem}): {Side} opened")]
    public static partial void Opened(ILogger logger, int minor, string ptySystem, string side);

    [LoggerMessage(EventId = 2, EventName = "PtyClosed", Level = LogLevel.Debug, Message = "pty {Minor} ({PtySystem}): {Side} closed")]
    public static partial void Closed(ILogger logger, int minor, string ptySystem, string side);

    [LoggerMessage(EventId = 3, EventName = "PtyHungUp", Level = LogLevel.Debug, Message = "pty {Minor} ({PtySystem}): subsidiary hung up, {Cause}")]
    public static partial void HungUp(ILogger logger, int minor, string ptySystem, string cause);

    /// <summary>PD13: <paramref name="crash"/> is "injected" for a crash a test or the soak injected, "failure" for any other (a bug, also logged at Error by the Clone).</summary>
    [LoggerMessage(EventId = 4, EventName = "PtyCrashed", Level = LogLevel.Debug, Message = "pty {Minor} ({PtySystem}): {Side} crashed ({Crash})")]
    public static partial void Crashed(ILogger logger, Exception? exception, int minor, string ptySystem, string side, string crash);

    [LoggerMessage(EventId = 5, EventName = "PtyFreed", Level = LogLevel.Debug, Message = "pty {Minor} ({PtySystem}): both sides gone, minor free")]
    public static partial void Freed(ILogger logger, int minor, string ptySystem);

    [LoggerMessage(EventId = 6, EventName = "SignalHandlerFailed", Level = LogLevel.Error, Message = "A SignalReceived handler failed on {Signal} for descriptor {Descriptor}")]
    public static partial void SignalHandlerFailed(ILogger logger, Exception exception, Signal signal, int descriptor);
}
