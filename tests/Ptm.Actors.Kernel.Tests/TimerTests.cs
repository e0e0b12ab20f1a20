using Ptm.Actors.TestKit;

namespace Ptm.Actors.Kernel.Tests;

public class TimerTests : TestKit.TestKit
{
    public TimerTests() => UseVirtualTime();

    [Fact]
    public async Task A_single_timer_fires_once_when_due()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Timed(TestActor)), "timed");
        actor.Tell(new Start("t", "ping", TimeSpan.FromSeconds(2), Periodic: false));
        await AdvanceAsync(TimeSpan.FromSeconds(1.9));
        await ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(10));
        await ExpectMsgAsync("ping");
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task A_periodic_timer_keeps_firing_until_cancelled()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Timed(TestActor)), "periodic");
        actor.Tell(new Start("p", "tick", TimeSpan.FromSeconds(1), Periodic: true));
        await AdvanceAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(new object[] { "tick", "tick", "tick" }, await ReceiveNAsync(3));
        actor.Tell(new CancelTimer("p"));
        await AdvanceAsync(TimeSpan.FromSeconds(5));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task A_cancelled_timer_never_delivers_a_message_already_in_the_mailbox()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Timed(TestActor)), "cancel");
        actor.Tell(new Start("t", "stale", TimeSpan.FromSeconds(1), Periodic: false));
        await WaitForIdleAsync();
        using (Faults.Hold(actor))
        {
            actor.Tell(new CancelTimer("t"));
            Clock.Advance(TimeSpan.FromSeconds(1)); // the timer's message queues behind the Cancel
            Assert.Equal(2, Faults.QueuedMessages(actor));
        }
        actor.Tell("active?");
        await ExpectMsgAsync(false);
    }

    [Fact]
    public async Task A_replaced_timer_never_delivers_the_old_message()
    {
        // Ported from CoreTests, held with the FaultInjector instead of the cell's internals.
        var actor = Sys.ActorOf(Props.Create(() => new Timed(TestActor)), "replace");
        actor.Tell(new Start("t", "tick-1", TimeSpan.FromSeconds(1), Periodic: false));
        await WaitForIdleAsync();
        using (Faults.Hold(actor))
        {
            actor.Tell(new Start("t", "tick-2", TimeSpan.FromSeconds(2), Periodic: false));
            Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(2, Faults.QueuedMessages(actor));
        }
        await WaitForIdleAsync();
        await ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(2));
        await ExpectMsgAsync("tick-2");
    }

    [Fact]
    public async Task A_restart_cancels_the_actor_timers()
    {
        AllowLoggedErrors();
        var actor = Sys.ActorOf(Props.Create(() => new Timed(TestActor)), "restarted");
        actor.Tell(new Start("t", "from the old life", TimeSpan.FromSeconds(1), Periodic: true));
        await WaitForIdleAsync();
        Faults.FailNextMessage(actor);
        actor.Tell("fail here");
        await AdvanceAsync(TimeSpan.FromSeconds(5));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Receive_timeout_fires_after_an_idle_period_and_again_after_the_next()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor, TimeSpan.FromSeconds(5))), "sleepy");
        await AdvanceAsync(TimeSpan.FromSeconds(4));
        actor.Tell("busy");
        await ExpectMsgAsync("busy");
        await AdvanceAsync(TimeSpan.FromSeconds(4));
        await ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync(ReceiveTimeout.Instance);
        await AdvanceAsync(TimeSpan.FromSeconds(5));
        await ExpectMsgAsync(ReceiveTimeout.Instance);
    }

    [Fact]
    public async Task A_message_that_does_not_influence_the_receive_timeout_does_not_reset_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor, TimeSpan.FromSeconds(5))), "sleepy");
        await AdvanceAsync(TimeSpan.FromSeconds(4));
        actor.Tell(new Nudge());
        await ExpectMsgAsync<Nudge>();
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync(ReceiveTimeout.Instance);
    }

    [Fact]
    public async Task Setting_the_receive_timeout_to_null_switches_it_off()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor, TimeSpan.FromSeconds(5))), "sleepy");
        actor.Tell("off");
        await ExpectMsgAsync("off");
        await AdvanceAsync(TimeSpan.FromMinutes(1));
        await ExpectNoMsgAsync();
    }

    private sealed record Start(string Key, string Message, TimeSpan Delay, bool Periodic);

    private sealed record CancelTimer(string Key);

    private sealed record Nudge : INotInfluenceReceiveTimeout;

    private sealed class Timed(IActorRef report) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Start { Periodic: true } s: Context.Timers.StartPeriodicTimer(s.Key, s.Message, s.Delay); break;
                case Start s: Context.Timers.StartSingleTimer(s.Key, s.Message, s.Delay); break;
                case CancelTimer c: Context.Timers.Cancel(c.Key); break;
                case "active?": report.Tell(Context.Timers.IsTimerActive("t")); break;
                default: report.Tell(message); break;
            }
        }
    }

    private sealed class Sleepy(IActorRef report, TimeSpan timeout) : UntypedActor
    {
        protected override void PreStart() => Context.SetReceiveTimeout(timeout);

        protected override void OnReceive(object message)
        {
            if (message is "off") Context.SetReceiveTimeout(null);
            report.Tell(message);
        }
    }
}
