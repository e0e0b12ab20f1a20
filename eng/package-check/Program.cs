// The host app of eng/check-packages.sh: a fresh console app that takes Ptm.Actors and
// Ptm.Actors.Hosting from the packed .nupkg files, next to Serilog 4.4.0, and uses only their
// public API. It round-trips a byte each way through a pty pair, once on a PtySystem of its own
// (logging to a Serilog 4.4 logger) and once on a Microsoft.Extensions.Hosting app's ActorSystem
// (WithPtys), and exits non-zero if anything is off.
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ptm.Actors;
using Ptm.Actors.Hosting;
using Serilog;

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

var logger = new LoggerConfiguration().CreateLogger();
await using (var ptys = PtySystem.Create(new PtySystemOptions { MaxPtys = 4 }, logger))
{
    await RoundTripAsync(ptys, "PtySystem.Create", timeout.Token);
}

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddAkka("package-check", akka => akka.WithPtys(new PtySystemOptions { MaxPtys = 4 }));
using (var host = builder.Build())
{
    await host.StartAsync(timeout.Token);
    var hosted = PtySystem.Get(host.Services.GetRequiredService<ActorSystem>());
    await RoundTripAsync(hosted, "WithPtys", timeout.Token);
    await host.StopAsync(timeout.Token);
}

Console.WriteLine("package check app: ok");
return 0;

// Opens a pair, sends one byte manager -> subsidiary and one back, then closes both sides.
static async Task RoundTripAsync(PtySystem ptys, string how, CancellationToken cancellationToken)
{
    var manager = await ptys.OpenManagerAsync(cancellationToken: cancellationToken);
    var subsidiary = await manager.OpenSubsidiaryAsync(cancellationToken: cancellationToken);
    var buffer = new byte[16];

    await manager.WriteAsync("x"u8.ToArray(), cancellationToken);
    var down = await subsidiary.ReadAsync(buffer, cancellationToken);
    Expect(down == 1 && buffer[0] == (byte)'x', $"{how}: the subsidiary read {down} byte(s), not the 'x' the manager wrote");

    await subsidiary.WriteAsync("y"u8.ToArray(), cancellationToken);
    var up = await manager.ReadAsync(buffer, cancellationToken);
    Expect(up == 1 && buffer[0] == (byte)'y', $"{how}: the manager read {up} byte(s), not the 'y' the subsidiary wrote");

    await subsidiary.DisposeAsync();
    await manager.DisposeAsync();
    Console.WriteLine($"{how}: one byte each way: ok");
}

static void Expect(bool condition, string failure)
{
    if (condition) return;
    Console.Error.WriteLine($"package check app: {failure}");
    Environment.Exit(1);
}
