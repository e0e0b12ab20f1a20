using Serilog.Events;

namespace Ptm.Actors.TestKit;

/// <summary>Queries over the captured log events; the assertion forms fail with the events that were logged.</summary>
public sealed class CapturedLogs(InMemoryLogSink sink)
{
    public IReadOnlyList<LogEvent> Events => sink.Events;

    /// <summary>Events at <paramref name="level"/> or above whose rendered message or exception mentions <paramref name="text"/> (any text when null).</summary>
    public IReadOnlyList<LogEvent> Find(LogEventLevel level, string? text = null)
    {
        var found = new List<LogEvent>();
        foreach (var e in sink.Events)
            if (e.Level >= level && (text is null || Mentions(e, text))) found.Add(e);
        return found;
    }

    public bool Any(LogEventLevel level, string? text = null) => Find(level, text).Count > 0;

    /// <summary>Asserts that something at <paramref name="level"/> or above mentioning <paramref name="text"/> was logged; returns the first such event.</summary>
    public LogEvent AssertLogged(LogEventLevel level, string text)
    {
        var found = Find(level, text);
        if (found.Count == 0)
            throw new TestKitFailure($"Expected a log event at {level} or above mentioning \"{text}\", but none was logged. Logged: {Describe(sink.Events)}");
        return found[0];
    }

    /// <summary>Asserts that nothing at <paramref name="level"/> or above was logged.</summary>
    public void AssertNothingAtOrAbove(LogEventLevel level)
    {
        var found = Find(level);
        if (found.Count > 0)
            throw new TestKitFailure($"Expected nothing logged at {level} or above, but {found.Count} event(s) were: {Describe(found)}");
    }

    internal static string Describe(IReadOnlyList<LogEvent> events)
    {
        if (events.Count == 0) return "(nothing)";
        var lines = new List<string>();
        foreach (var e in events.Take(20))
            lines.Add($"[{e.Level}] {e.RenderMessage()}{(e.Exception is null ? "" : " (" + e.Exception.GetType().Name + ": " + e.Exception.Message + ")")}");
        if (events.Count > 20) lines.Add($"... and {events.Count - 20} more");
        return string.Join("; ", lines);
    }

    private static bool Mentions(LogEvent e, string text) =>
        e.RenderMessage().Contains(text, StringComparison.OrdinalIgnoreCase) ||
        (e.Exception is not null && e.Exception.ToString().Contains(text, StringComparison.OrdinalIgnoreCase));
}
