using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ptm.Actors.Hosting.Tests;

/// <summary>
/// A Microsoft.Extensions.Hosting app whose ActorSystem comes from Akka.Hosting's <c>AddAkka</c>,
/// given its ptys with <see cref="PtyHostingExtensions.WithPtys"/>. (Akka.Hosting.TestKit 1.5.74 is
/// built on xunit v3 and cannot share this xunit v2 project with Akka.TestKit.Xunit2, so the tests
/// run a real generic host, as an app would.)
/// </summary>
public class HostedPtysTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    /// <summary>Builds and starts a host (set up by <paramref name="app"/>) whose ActorSystem "host-app" is configured by <paramref name="configure"/>.</summary>
    internal static async Task<IHost> StartHostAsync(Action<AkkaConfigurationBuilder> configure, Action<HostApplicationBuilder>? app = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        app?.Invoke(builder);
        builder.Services.AddAkka("host-app", (akka, _) => configure(akka));
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(Safety);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    internal static async Task StopAsync(IHost host)
    {
        await host.StopAsync().WaitAsync(Safety);
        host.Dispose();
    }

    [Fact]
    public async Task WithPtys_starts_the_pty_subsystem_with_the_given_options()
    {
        var host = await StartHostAsync(akka => akka.WithPtys(new PtySystemOptions { MaxPtys = 1 }));
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            Assert.True(system.HasExtension<PtySystem>()); // started with the system, not on first use
            var ptys = PtySystem.Get(system);
            Assert.Equal(1, ptys.Options.MaxPtys);
            Assert.Equal(((ExtendedActorSystem)system).Guardian.Path, ptys.CloneActor.Path.Parent);

            await using var manager = await ptys.OpenManagerAsync().WaitAsync(Safety);
            var full = await Assert.ThrowsAsync<PtyException>(() => ptys.OpenManagerAsync());
            Assert.Equal(Errno.ENOMEM, full.Errno);

            await using var subsidiary = await manager.OpenSubsidiaryAsync().WaitAsync(Safety);
            await manager.WriteAsync("hello\n"u8.ToArray()).WaitAsync(Safety);
            var buffer = new byte[16];
            var count = await subsidiary.ReadAsync(buffer).WaitAsync(Safety);
            Assert.Equal("hello\n", Encoding.ASCII.GetString(buffer, 0, count));
        }
        finally
        {
            await StopAsync(host);
        }
    }

    [Fact]
    public async Task WithPtys_without_options_starts_the_defaults()
    {
        var host = await StartHostAsync(akka => akka.WithPtys());
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            Assert.True(system.HasExtension<PtySystem>());
            Assert.Equal(new PtySystemOptions(), PtySystem.Get(system).Options);
        }
        finally
        {
            await StopAsync(host);
        }
    }

    [Fact]
    public async Task A_host_without_WithPtys_has_no_pty_subsystem_until_Get()
    {
        var host = await StartHostAsync(_ => { });
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            Assert.False(system.HasExtension<PtySystem>());
            Assert.Equal(new PtySystemOptions(), PtySystem.Get(system).Options);
            Assert.True(system.HasExtension<PtySystem>());
        }
        finally
        {
            await StopAsync(host);
        }
    }

    [Fact]
    public async Task The_hosts_startup_tasks_find_the_pty_subsystem_already_running()
    {
        var seenAtStartup = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The startup task is added before WithPtys: the extension still precedes it, being created with the system.
        var host = await StartHostAsync(akka => akka
            .AddStartup((system, _) => seenAtStartup.TrySetResult(system.HasExtension<PtySystem>()))
            .WithPtys(new PtySystemOptions { MaxPtys = 3 }));
        try
        {
            Assert.True(await seenAtStartup.Task.WaitAsync(Safety));
        }
        finally
        {
            await StopAsync(host);
        }
    }

    [Fact]
    public async Task WithPtys_rejects_bad_options_before_the_actor_system_is_created()
    {
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "host-app");
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => builder.WithPtys(new PtySystemOptions { MaxPtys = -1 }));
        Assert.Equal(nameof(PtySystemOptions.MaxPtys), negative.ParamName);
        Assert.Throws<ArgumentException>(() => builder.WithPtys(new PtySystemOptions { Dispatcher = " " }));
        Assert.Throws<ArgumentNullException>(() => PtyHostingExtensions.WithPtys(null!));

        // In a host, the same error stops the start.
        await Assert.ThrowsAnyAsync<ArgumentException>(() => StartHostAsync(akka => akka.WithPtys(new PtySystemOptions { InitialTableSize = 0 })));
    }

    [Fact]
    public async Task Stopping_the_host_ends_its_pty_subsystem()
    {
        var host = await StartHostAsync(akka => akka.WithPtys());
        var system = host.Services.GetRequiredService<ActorSystem>();
        var ptys = PtySystem.Get(system);
        await ptys.OpenManagerAsync().WaitAsync(Safety);
        Assert.False(ptys.IsDisposed);

        await StopAsync(host);

        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.True(ptys.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ptys.OpenManagerAsync());
    }

    [Fact]
    public async Task ActorSystem_property_of_a_hosted_pty_subsystem_is_the_hosts_system()
    {
        var host = await StartHostAsync(akka => akka.WithPtys());
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            Assert.Equal("host-app", system.Name);
            Assert.Same(system, PtySystem.Get(system).ActorSystem);
        }
        finally
        {
            await StopAsync(host);
        }
    }
}
