using Ptm.Actors.Cli.Soak;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Spectre.Console;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Oracle;
using Ptm.Actors.TestKit.Soak.Report;
using Ptm.Actors.TestKit.Tests.Soak;

namespace Ptm.Actors.Cli.Tests.Soak;

public class SoakDisplayTests
{
    private static readonly SoakProgress Moment = new(TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(60), 40, 7, 1234, 2048, 4096, 3, 1);

    /// <summary>Completes Written the first time a line is written: the display's own output is the barrier, not a sleep.</summary>
    private sealed class SignallingWriter : StringWriter
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            Written.TrySetResult();
        }
    }

    [Fact]
    public async Task Without_a_terminal_a_plain_line_is_printed_every_interval_until_the_run_ends()
    {
        var output = new SignallingWriter();
        await new PlainSoakDisplay(output, TimeSpan.FromMilliseconds(1)).ShowAsync(() => Moment, output.Written.Task);
        Assert.Contains("soak 12s/60s sessions=40 live=7 ops=1234 received_m2s=2048 received_s2m=4096 faults=3 violations=1", output.ToString());
    }

    [Fact]
    public async Task On_a_terminal_the_progress_and_the_counters_table_are_drawn()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        await new LiveSoakDisplay(console).ShowAsync(() => Moment, Task.CompletedTask);
        var drawn = output.ToString();
        Assert.Contains("soak", drawn);
        Assert.Contains("violations", drawn);
        Assert.Contains("1,234", drawn);
    }

    [Fact]
    public void The_final_table_shows_every_violation_kind_and_fault_kind()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 200;
        var log = Check.Run(Traces.Clean().Add(new DeadLetter("MData", "manager-3", false)));
        var checker = new InvariantChecker(log, MemoryBudget.Default);
        var report = SoakReport.Build(new SoakOptions(), TimeSpan.FromSeconds(2), checker, new SoakStatistics());
        console.Write(SoakReportTable.Render(report));
        var text = output.ToString();
        foreach (var kind in ViolationKinds.All) Assert.Contains(ViolationKinds.Name(kind), text);
        foreach (var kind in FaultKinds.All) Assert.Contains(FaultKinds.Name(kind), text);
        Assert.Contains("unexpected dead letter MData to manager-3", text);
        Assert.Contains("p50", text);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = new();
        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    [Fact]
    public void Violations_are_logged_at_error_and_held_while_the_live_display_runs()
    {
        var deferred = new DeferredLogSink(capacity: 3);
        using var logger = new LoggerConfiguration().WriteTo.Sink(deferred).CreateLogger();
        var log = new ViolationLog(logger);
        for (var i = 0; i < 5; i++) log.Record(ViolationKind.DataLoss, i, "lost");
        var target = new CollectingSink();
        long dropped = 0;
        deferred.Release(target, count => dropped = count);
        Assert.Equal(3, target.Events.Count);
        Assert.All(target.Events, e => Assert.Equal(LogEventLevel.Error, e.Level));
        Assert.Equal(2, dropped);
        log.Record(ViolationKind.DataLoss, 9, "lost after the display");
        Assert.Equal(4, target.Events.Count);
    }

    [Fact]
    public void A_flood_of_one_violation_kind_is_counted_but_logged_only_so_often()
    {
        var sink = new CollectingSink();
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var log = new ViolationLog(logger);
        for (var i = 0; i < 1000; i++) log.Record(ViolationKind.CallHung, i, "hung");
        Assert.Equal(1000, log.Count(ViolationKind.CallHung));
        Assert.Equal(ViolationLog.LoggedPerKind + 1, sink.Events.Count);
        Assert.Equal(0, log.First(ViolationKind.CallHung)!.Session);
    }

    [Fact]
    public void Injected_faults_are_logged_at_debug()
    {
        var sink = new CollectingSink();
        using var logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(sink).CreateLogger();
        var events = new SoakEventSink(new InvariantChecker(new ViolationLog(logger), MemoryBudget.Default), new SoakStatistics(), logger);
        events.Emit(new FaultInjected(FaultKind.CloneBurst, -1));
        var logged = Assert.Single(sink.Events);
        Assert.Equal(LogEventLevel.Debug, logged.Level);
        Assert.Equal("\"clone_burst\"", logged.Properties["Kind"].ToString());
    }
}
