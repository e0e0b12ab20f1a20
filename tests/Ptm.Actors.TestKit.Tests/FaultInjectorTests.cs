using Akka.Actor;
using Ptm.Actors.TestKit.Faults;

namespace Ptm.Actors.TestKit.Tests;

public class FaultInjectorTests : TestKit
{
    [Fact]
    public void FailNextMessage_makes_the_next_message_throw_into_supervision()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        var fault = Faults.FailNextMessage(echo);
        EventFilter.Exception<InjectedFault>(fault.Message).ExpectOne(() => echo.Tell("swallowed by the fault", TestActor));
        echo.Tell("after restart", TestActor);
        ExpectMsg("after restart");
    }

    [Fact]
    public void FailNextMessage_throws_the_given_exception()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        var given = new InvalidOperationException("the disk is on fire");
        Assert.Same(given, Faults.FailNextMessage(echo, given));
        EventFilter.Exception<InvalidOperationException>("the disk is on fire").ExpectOne(() => echo.Tell("swallowed", TestActor));
    }

    [Fact]
    public void FailNextMessage_refuses_an_actor_that_cannot_be_made_to_throw()
    {
        var plain = Sys.ActorOf(Props.Create<PlainEcho>(), "plain");
        var error = Assert.Throws<ArgumentException>(() => Faults.FailNextMessage(plain));
        Assert.Contains("derive it from FaultableReceiveActor or FaultableUntypedActor", error.Message);
    }

    [Fact]
    public void Stop_ends_the_actor_and_watchers_see_Terminated()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        Watch(echo);
        Faults.Stop(echo);
        ExpectTerminated(echo);
    }

    [Fact]
    public async Task Hold_keeps_messages_queued_in_order_until_released()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        var hold = Faults.Hold(echo);
        for (var i = 0; i < 5; i++) echo.Tell(i, TestActor);
        await WaitForIdleAsync();
        Assert.Equal(5, Faults.QueuedMessages(echo));
        ExpectNoMsg(TimeSpan.Zero);
        hold.Dispose();
        await WaitForIdleAsync();
        Assert.Equal(new object[] { 0, 1, 2, 3, 4 }, ReceiveN(5));
    }

    [Fact]
    public void A_held_actor_still_handles_its_system_messages()
    {
        AllowDeadLetters(); // the held message is still queued when the actor stops: a dead letter, as it should be
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        using var hold = Faults.Hold(echo);
        echo.Tell("never handled", TestActor);
        Watch(echo);
        Faults.Stop(echo);
        ExpectTerminated(echo);
    }

    [Fact]
    public async Task Holds_nest_and_the_actor_runs_once_the_last_is_released()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        var outer = Faults.Hold(echo);
        var inner = Faults.Hold(echo);
        echo.Tell("held twice", TestActor);
        inner.Dispose();
        inner.Dispose(); // idempotent: does not release the outer hold
        await WaitForIdleAsync();
        Assert.Equal(1, Faults.QueuedMessages(echo));
        ExpectNoMsg(TimeSpan.Zero);
        outer.Dispose();
        await WaitForIdleAsync();
        ExpectMsg("held twice", TimeSpan.Zero);
    }

    [Fact]
    public async Task SlowDown_pauses_after_each_message_and_zero_restores_full_speed()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        Faults.SlowDown(echo, TimeSpan.FromHours(1));
        echo.Tell(0, TestActor);
        echo.Tell(1, TestActor);
        await WaitForIdleAsync();
        ExpectMsg(0, TimeSpan.Zero);
        Assert.Equal(1, Faults.QueuedMessages(echo));
        Faults.SlowDown(echo, TimeSpan.Zero);
        await WaitForIdleAsync();
        ExpectMsg(1, TimeSpan.Zero);
    }

    [Fact]
    public void Faults_on_something_that_is_not_a_local_actor_are_rejected_clearly()
    {
        var error = Assert.Throws<ArgumentException>(() => Faults.Hold(Sys.DeadLetters));
        Assert.Contains("not a local actor", error.Message);
    }

    [Fact]
    public async Task Faults_on_an_actor_without_the_faultable_mailbox_say_how_to_get_one()
    {
        await using var ptys = PtySystem.Create();
        var error = Assert.Throws<ArgumentException>(() => new FaultInjector(ptys.ActorSystem).Hold(ptys.CloneActor));
        Assert.Contains("not FaultableMailbox's", error.Message);
    }

    [Fact]
    public void Negative_holds_and_slowdowns_are_refused()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        Assert.Throws<ArgumentOutOfRangeException>(() => Faults.HoldFor(echo, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Faults.SlowDown(echo, TimeSpan.FromSeconds(-1)));
    }
}
