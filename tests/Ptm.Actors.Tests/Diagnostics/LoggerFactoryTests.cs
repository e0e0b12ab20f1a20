using Ptm.Actors.TestKit.Faults;
using Akka.Event;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Ptm.Actors.Tests.Diagnostics;

/// <summary>
/// A PtySystem created with a Microsoft.Extensions.Logging factory: its own Debug events (open,
/// close, hang-up, crash, with the minor) and its actor system's events reach that factory, and
/// only that one when several systems with their own factories share the process.
/// </summary>
public class LoggerFactoryTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task Open_close_hangup_and_crash_are_logged_at_debug_with_the_minor()
    {
        var (factory, logs) = FakeFactory();
        using var _ = factory;
        await using var ptys = PtySystem.Create(new PtySystemOptions(), factory);
        int closedMinor = 0, crashedMinor = 0;
        await Within(async () =>
        {
            var manager = await ptys.OpenManagerAsync();
            var subsidiary = await manager.OpenSubsidiaryAsync();
            closedMinor = manager.Minor;
            await manager.DisposeAsync(); // L14: the subsidiary is hung up
            await subsidiary.DisposeAsync();

            var crashed = await ptys.OpenManagerAsync();
            var orphan = await crashed.OpenSubsidiaryAsync(); // the minor is free again and reused (PD1)
            crashedMinor = crashed.Minor;
            (await ptys.Posix.CrashAsync(crashed.Descriptor)).ValueOrThrow("crash");
            await ptys.WhenIdleAsync();
            await orphan.DisposeAsync();
            await crashed.DisposeAsync();
            await ptys.WhenIdleAsync();
        });

        var ours = logs.GetSnapshot().Where(record => record.Category == "Ptm.Actors").ToList();
        Assert.All(ours, record => Assert.Equal(LogLevel.Debug, record.Level));
        Assert.All(ours, record => Assert.Contains(ptys.Name, record.Message));
        var events = ours.Select(Describe).ToList();
        Assert.Subset(events.ToHashSet(), new HashSet<string>
        {
            $"PtyOpened {closedMinor} manager", $"PtyOpened {closedMinor} subsidiary",
            $"PtyClosed {closedMinor} manager", $"PtyHungUp {closedMinor} manager closed", $"PtyClosed {closedMinor} subsidiary",
            $"PtyFreed {closedMinor}",
            $"PtyCrashed {crashedMinor} manager injected", $"PtyHungUp {crashedMinor} manager crashed",
        });
        Assert.Equal(2, events.Count(e => e.StartsWith("PtyFreed", StringComparison.Ordinal))); // L16, once a pty
        Assert.Contains($"pty {closedMinor} ({ptys.Name}): manager opened", ours.Select(record => record.Message));
    }

    [Fact]
    public async Task The_actor_systems_own_events_reach_the_factory_too()
    {
        var (factory, logs) = FakeFactory();
        using var _ = factory;
        await using var ptys = PtySystem.Create(null, factory);
        var marker = Guid.NewGuid().ToString("N");

        Logging.GetLogger(ptys.ActorSystem, "host").Warning("marker {0}", marker);

        var record = await FirstAsync(logs, record => record.Message.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal("Akka", record.Category); // a named source's events; an actor's are under its class
        Assert.Equal($"host (akka://{ptys.ActorSystem.Name}): marker {marker}", record.Message);
    }

    [Fact]
    public async Task Two_systems_log_each_to_its_own_factory()
    {
        var (firstFactory, firstLogs) = FakeFactory();
        var (secondFactory, secondLogs) = FakeFactory();
        using var _ = firstFactory;
        using var __ = secondFactory;
        await using var first = PtySystem.Create(null, firstFactory);
        await using var second = PtySystem.Create(null, secondFactory);

        await using (await first.OpenManagerAsync().WaitAsync(Safety)) { }
        await using (await second.OpenManagerAsync().WaitAsync(Safety)) { }
        var (firstMarker, secondMarker) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        Logging.GetLogger(first.ActorSystem, "host").Warning("marker {0}", firstMarker);
        Logging.GetLogger(second.ActorSystem, "host").Warning("marker {0}", secondMarker);
        await FirstAsync(firstLogs, record => record.Message.Contains(firstMarker, StringComparison.Ordinal));
        await FirstAsync(secondLogs, record => record.Message.Contains(secondMarker, StringComparison.Ordinal));
        await first.WhenIdleAsync();
        await second.WhenIdleAsync();

        Assert.Contains(firstLogs.GetSnapshot(), record => record.Message.Contains(first.Name + "): manager opened", StringComparison.Ordinal));
        Assert.Contains(secondLogs.GetSnapshot(), record => record.Message.Contains(second.Name + "): manager opened", StringComparison.Ordinal));
        Assert.DoesNotContain(firstLogs.GetSnapshot(), record => record.Message.Contains(second.Name + ")", StringComparison.Ordinal) || record.Message.Contains(secondMarker, StringComparison.Ordinal));
        Assert.DoesNotContain(secondLogs.GetSnapshot(), record => record.Message.Contains(first.Name + ")", StringComparison.Ordinal) || record.Message.Contains(firstMarker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Debug_events_cost_nothing_but_a_check_when_debug_is_off()
    {
        var logs = new FakeLogCollector();
        using var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(new FakeLoggerProvider(logs)));
        await using var ptys = PtySystem.Create(null, factory);

        await using (await ptys.OpenManagerAsync().WaitAsync(Safety)) { }
        await ptys.WhenIdleAsync();

        Assert.DoesNotContain(logs.GetSnapshot(), record => record.Category == "Ptm.Actors");
    }

    /// <summary>"EventName minor side-or-cause", from a record's structured state.</summary>
    private static string Describe(FakeLogRecord record)
    {
        var detail = record.GetStructuredStateValue("Side") ?? record.GetStructuredStateValue("Cause");
        var crash = record.GetStructuredStateValue("Crash");
        return string.Join(" ", new[] { record.Id.Name, record.GetStructuredStateValue("Minor"), detail, crash }.Where(part => part is not null));
    }

    private static (ILoggerFactory Factory, FakeLogCollector Logs) FakeFactory()
    {
        var logs = new FakeLogCollector();
        return (LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs))), logs);
    }

    /// <summary>The first record (already logged or still to come) that matches; actor system events arrive on the logger actor's turn.</summary>
    private static async Task<FakeLogRecord> FirstAsync(FakeLogCollector logs, Func<FakeLogRecord, bool> match)
    {
        using var limit = new CancellationTokenSource(Safety);
        await foreach (var record in logs.GetLogsAsync(limit.Token))
            if (match(record)) return record;
        throw new TimeoutException("no such log record");
    }

    private static Task Within(Func<Task> body) => body().WaitAsync(Safety);
}
