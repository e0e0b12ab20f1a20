using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit.Tests;

public class ProbeTests : TestKit
{
    [Fact]
    public async Task ExpectMsg_matches_by_type_by_value_by_predicate_and_by_assertion()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("hello", TestActor);
        echo.Tell(42, TestActor);
        echo.Tell(7, TestActor);
        echo.Tell("world", TestActor);
        Assert.Equal("hello", await ExpectMsgAsync<string>());
        Assert.Equal(42, await ExpectMsgAsync(42));
        Assert.Equal(7, await ExpectMsgAsync<int>(n => n < 10));
        await ExpectMsgAsync<string>(s => Assert.StartsWith("wor", s));
    }

    [Fact]
    public async Task ExpectMsgFrom_checks_the_sender()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("ping", TestActor);
        Assert.Equal("ping", await ExpectMsgFromAsync<string>(echo));
        Assert.Equal(echo, TestActorProbe.LastSender);
    }

    [Fact]
    public async Task ReceiveN_takes_messages_in_order()
    {
        var probe = CreateTestProbe();
        for (var i = 0; i < 5; i++) probe.Ref.Tell(i);
        Assert.Equal(new object[] { 0, 1, 2, 3, 4 }, await probe.ReceiveNAsync(5));
    }

    [Fact]
    public async Task FishForMessage_skips_until_the_target_arrives()
    {
        var probe = CreateTestProbe();
        probe.Ref.Tell("noise");
        probe.Ref.Tell(1);
        probe.Ref.Tell("target");
        probe.Ref.Tell("after");
        Assert.Equal("target", await probe.FishForMessageAsync<string>(s => s == "target"));
        await probe.ExpectMsgAsync("after");
    }

    [Fact]
    public async Task Reply_answers_an_Ask_and_Forward_keeps_the_original_sender()
    {
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask<string>("question?");
        await probe.ExpectMsgAsync("question?");
        probe.Reply("answer");
        Assert.Equal("answer", await ask);

        var target = CreateTestProbe();
        probe.Ref.Tell("pass it on", TestActor);
        await probe.ExpectMsgAsync("pass it on");
        probe.Forward(target.Ref);
        await target.ExpectMsgFromAsync(TestActor, "pass it on");
    }

    [Fact]
    public async Task An_auto_pilot_replies_on_the_probe_actor_turn_and_can_switch_itself_off()
    {
        var probe = CreateTestProbe();
        var calls = 0;
        probe.SetAutoPilot((sender, message) =>
        {
            sender.Tell("auto:" + message, probe.Ref);
            return ++calls < 2;
        });
        Assert.Equal("auto:a", await probe.Ref.Ask<string>("a"));
        Assert.Equal("auto:b", await probe.Ref.Ask<string>("b"));
        probe.Ref.Tell("c", TestActor);
        await probe.ReceiveNAsync(3);
        await ExpectNoMsgAsync();
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ExpectTerminated_is_not_broken_by_a_reply_that_arrives_first()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new ReplyThenStop(probe.Ref)), "replier");
        await probe.WatchAsync(actor);
        actor.Tell("go");
        var terminated = await probe.ExpectTerminatedAsync(actor);
        Assert.True(terminated.ExistenceConfirmed);
        await probe.ExpectMsgAsync("reply");
    }

    [Fact]
    public async Task WatchAsync_returns_after_registration_so_an_already_dead_actor_still_reports()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>(), "shortlived");
        Sys.Stop(actor);
        await WaitForIdleAsync();
        await WatchAsync(actor);
        Assert.False((await ExpectTerminatedAsync(actor)).ExistenceConfirmed);
    }

    [Fact]
    public async Task ExpectNoMsg_waits_for_quiescence_instead_of_a_period()
    {
        var probe = CreateTestProbe();
        IActorRef next = probe.Ref;
        for (var i = 0; i < 10; i++)
        {
            var target = next;
            next = Sys.ActorOf(Props.Create(() => new Relay(target)));
        }
        next.Tell("through ten relays");
        await probe.ExpectMsgAsync("through ten relays");
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task ExpectNoMsg_with_a_duration_passes_when_nothing_comes()
    {
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }
}
