using Ptm.Actors.TestKit;

namespace Ptm.Actors.Kernel.Tests;

public class ActorSystemTests : TestKit.TestKit
{
    [Fact]
    public async Task Create_keeps_the_name_and_the_options()
    {
        var options = new ActorSystemOptions { Throughput = 7, DefaultAskTimeout = TimeSpan.FromSeconds(9), LogDeadLetters = 3 };
        await using var system = ActorSystem.Create("named-system_1", options);
        Assert.Equal("named-system_1", system.Name);
        Assert.Same(options, system.Options);
        Assert.Equal(TimeProvider.System, system.Time);
        Assert.False(system.IsDeterministic);
        Assert.False(system.IsTerminated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    public void Create_rejects_an_invalid_system_name_and_says_which(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => ActorSystem.Create(name));
        Assert.Contains($"'{name}'", error.Message);
    }

    [Fact]
    public void Create_rejects_invalid_options_clearly()
    {
        Assert.Contains("Throughput must be at least 1", Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("t", new ActorSystemOptions { Throughput = 0 })).Message);
        Assert.Contains("Ask timeout must be positive", Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("t", new ActorSystemOptions { DefaultAskTimeout = TimeSpan.Zero })).Message);
    }

    [Fact]
    public async Task Terminate_stops_children_before_parents_and_completes_after_the_last_PostStop()
    {
        // A collector, not a probe: probes are actors and stop with everything else.
        var sink = new Collector();
        Sys.ActorOf(Props.Create(() => new Supervisor(sink, SupervisorStrategy.DefaultStrategy, "child")), "parent");
        await WaitForIdleAsync();
        await Sys.Terminate();
        Assert.True(Sys.IsTerminated);
        Assert.Equal(new object[] { "supervisor:prestart", "child:prestart", "child:poststop", "supervisor:poststop" }, sink.Messages);
    }

    [Fact]
    public async Task Terminate_runs_once_and_every_call_returns_the_same_task()
    {
        var sink = new Collector();
        Sys.ActorOf(Props.Create(() => new Lifecycle(sink)), "once");
        await WaitForIdleAsync();
        var first = Sys.Terminate();
        Assert.True(Sys.IsShuttingDown);
        Assert.Same(first, Sys.Terminate());
        await first;
        Assert.Same(first, Sys.Terminate());
        Assert.Equal(new object[] { "prestart", "poststop" }, sink.Messages);
    }

    [Fact]
    public async Task A_terminated_system_refuses_new_actors_and_asks_with_a_clear_exception()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        await Sys.Terminate();
        var error = Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create<Echo>()));
        Assert.Contains($"The actor system '{Sys.Name}' has been terminated", error.Message);
        Assert.Throws<InvalidOperationException>(() => { _ = echo.Ask("late"); });
    }

    [Fact]
    public async Task Disposing_a_system_terminates_it()
    {
        var system = ActorSystem.Create("disposed");
        await system.DisposeAsync();
        Assert.True(system.IsTerminated);
    }

    [Fact]
    public void RunUntilIdle_on_a_thread_pool_system_says_it_needs_a_seed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sys.RunUntilIdle());
        Assert.Contains("DeterministicSeed", error.Message);
    }
}
