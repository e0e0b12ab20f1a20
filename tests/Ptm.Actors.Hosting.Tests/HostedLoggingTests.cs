using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static Ptm.Actors.Hosting.Tests.HostedPtysTests;

namespace Ptm.Actors.Hosting.Tests;

/// <summary>
/// A hosted pty subsystem logs to the host's own ILoggerFactory: Akka.Hosting keeps the host's
/// factory in the ActorSystem's setup, and the subsystem takes it from there, with no extra call.
/// </summary>
public class HostedLoggingTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task WithPtys_logs_the_subsystems_events_to_the_hosts_logger_factory()
    {
        var host = await StartHostAsync(akka => akka.WithPtys(), app => app.Logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
        try
        {
            var ptys = PtySystem.Get(host.Services.GetRequiredService<ActorSystem>());
            int minor;
            await using (var manager = await ptys.OpenManagerAsync().WaitAsync(Safety))
                minor = manager.Minor;
            await ptys.WhenIdleAsync().WaitAsync(Safety);

            var ours = host.Services.GetFakeLogCollector().GetSnapshot().Where(record => record.Category == "Ptm.Actors").Select(record => record.Message);
            Assert.Contains($"pty {minor} ({ptys.Name}): manager opened", ours);
            Assert.Contains($"pty {minor} ({ptys.Name}): manager closed", ours);
        }
        finally
        {
            await StopAsync(host);
        }
    }

    [Fact]
    public async Task An_attached_system_logs_to_the_factory_it_is_given()
    {
        var logs = new FakeLogCollector();
        using var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        using var host = ActorSystem.Create("attaching-host");
        try
        {
            await using var ptys = PtySystem.Attach(host, null, factory);
            await using (await ptys.OpenManagerAsync().WaitAsync(Safety)) { }
            await ptys.WhenIdleAsync().WaitAsync(Safety);

            Assert.Contains(logs.GetSnapshot(), record => record.Category == "Ptm.Actors" && record.Message.EndsWith("manager opened", StringComparison.Ordinal));
            Assert.StartsWith("attaching-host/ptys-", ptys.Name);
        }
        finally
        {
            await host.Terminate().WaitAsync(Safety);
        }
    }
}
