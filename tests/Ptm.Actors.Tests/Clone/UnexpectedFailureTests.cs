using Akka.Actor;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Ptm.Actors.Pty;

namespace Ptm.Actors.Tests.Clone;

/// <summary>
/// PD13 and the Clone's own guard: a failure that nobody injected is a bug. A side that fails
/// on one is stopped (never restarted), and the Clone that fails on a message carries on with
/// the next; either way the failure is counted (the statistics that tests, specs and the soak
/// fail on) and logged at Error with what failed. The bug is provoked by a message carrying
/// null where a request belongs, which no code of the system sends.
/// </summary>
public class UnexpectedFailureTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task PD13_a_side_that_fails_on_a_bug_is_stopped_counted_and_logged_as_an_error()
    {
        var logs = new FakeLogCollector();
        using var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        await using var ptys = PtySystem.Create(new PtySystemOptions(), factory);
        var manager = await ptys.OpenManagerAsync().WaitAsync(Safety);
        var subsidiary = await manager.OpenSubsidiaryAsync().WaitAsync(Safety);

        subsidiary.File.Side!.Tell(new JoinOpen(null!), ActorRefs.NoSender);

        var error = await FirstErrorAsync(logs);
        Assert.Contains("A pty side failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(new NullReferenceException().Message, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, ptys.Statistics.UnexpectedFailures);
        Assert.IsType<NullReferenceException>(ptys.Statistics.FirstUnexpectedFailure);
        Assert.Equal(0, await manager.ReadAsync(new byte[8]).WaitAsync(Safety)); // stopped, not restarted: the manager reads its EOF (PD13, L13)
    }

    [Fact]
    public async Task The_clone_that_fails_on_a_message_counts_and_logs_it_and_goes_on_with_every_pty()
    {
        var logs = new FakeLogCollector();
        using var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        await using var ptys = PtySystem.Create(new PtySystemOptions(), factory);
        var manager = await ptys.OpenManagerAsync().WaitAsync(Safety);

        ptys.CloneActor.Tell(new DriverOpen(null!), ActorRefs.NoSender);

        var error = await FirstErrorAsync(logs);
        Assert.Contains("The Clone actor failed on DriverOpen", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, ptys.Statistics.UnexpectedFailures);
        Assert.IsType<NullReferenceException>(ptys.Statistics.FirstUnexpectedFailure);
        var subsidiary = await manager.OpenSubsidiaryAsync().WaitAsync(Safety); // the Clone still knows the pty (not restarted)
        Assert.Equal(manager.Minor, subsidiary.Minor);
    }

    /// <summary>The first Error record, already logged or still to come (actor system events arrive on the logger actor's turn).</summary>
    private static async Task<FakeLogRecord> FirstErrorAsync(FakeLogCollector logs)
    {
        using var limit = new CancellationTokenSource(Safety);
        await foreach (var record in logs.GetLogsAsync(limit.Token))
            if (record.Level == LogLevel.Error) return record;
        throw new TimeoutException("nothing was logged at Error");
    }
}
