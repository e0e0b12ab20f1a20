using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;

namespace Ptm.Actors.TestKit;

/// <summary>Mirrors log events to the test's output, so a failing test shows what the system said.</summary>
internal sealed class TestOutputSink(ITestOutputHelper output) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        try
        {
            output.WriteLine($"[{logEvent.Level}] {logEvent.RenderMessage()}{(logEvent.Exception is null ? "" : " " + logEvent.Exception.GetType().Name + ": " + logEvent.Exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // The test already finished (a late log during shutdown): xunit refuses output then.
        }
    }
}
