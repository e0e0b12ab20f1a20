using Ptm.Actors.TestKit;

namespace Ptm.Actors.Kernel.Tests;

/// <summary>Death-watch (kernel-semantics 1.3) seen through the TestKit's probes.</summary>
public class DeathWatchKitTests : TestKit.TestKit
{
    [Fact]
    public async Task Terminated_reaches_a_probe_after_the_last_message_the_dead_actor_sent()
    {
        var probe = CreateTestProbe();
        var sender = Sys.ActorOf(Props.Create(() => new CountThenStop(probe.Ref, 100)), "counter");
        await probe.WatchAsync(sender);
        sender.Tell("go");
        await probe.ExpectTerminatedAsync(sender);
        Assert.Equal(Enumerable.Range(0, 100).Cast<object>(), await probe.ReceiveNAsync(100, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_forwarded_Terminated_is_ignored_by_an_actor_that_is_not_watching()
    {
        var subject = Sys.ActorOf(Props.Create<Echo>(), "subject");
        var bystander = Sys.ActorOf(Props.Create(() => new StringsOnly(TestActor)), "bystander");
        await WatchAsync(bystander);
        // Not a death pact: only death-watch delivers a Terminated the actor must handle.
        bystander.Tell(new Terminated(subject, ExistenceConfirmed: true));
        bystander.Tell("still here");
        await ExpectMsgAsync("still here");
        await ExpectNoMsgAsync();
        Assert.Empty(Logs.Find(Serilog.Events.LogEventLevel.Error));
    }

    [Fact]
    public async Task An_unhandled_Terminated_stops_the_watcher_and_its_own_watchers_hear_of_it()
    {
        AllowLoggedErrors();
        var subject = Sys.ActorOf(Props.Create<Echo>(), "subject");
        var careless = Sys.ActorOf(Props.Create(() => new Careless(subject)), "careless");
        await WatchAsync(careless);
        await WaitForIdleAsync();
        Sys.Stop(subject);
        await ExpectTerminatedAsync(careless);
        Logs.AssertLogged(Serilog.Events.LogEventLevel.Error, "DeathPactException");
    }

    private sealed class StringsOnly(IActorRef report) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is string) report.Tell(message);
            else Unhandled(message);
        }
    }

    private sealed class Careless(IActorRef subject) : UntypedActor
    {
        protected override void PreStart() => Context.Watch(subject);
        protected override void OnReceive(object message) => Unhandled(message);
    }
}
