using Ptm.Actors.Kernel;
using Serilog.Events;

namespace Ptm.Actors.TestKit.Tests;

public class FaultInjectorTests : TestKit
{
    [Fact]
    public async Task FailNextMessage_makes_the_next_message_throw_into_supervision()
    {
        AllowLoggedErrors();
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        var fault = Faults.FailNextMessage(echo);
        echo.Tell("swallowed by the fault", TestActor);
        echo.Tell("after restart", TestActor);
        await ExpectMsgAsync("after restart");
        Logs.AssertLogged(LogEventLevel.Error, fault.Message);
    }

    [Fact]
    public async Task Stop_ends_the_actor_and_watchers_see_Terminated()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        await WatchAsync(echo);
        Faults.Stop(echo);
        await ExpectTerminatedAsync(echo);
    }

    [Fact]
    public async Task Hold_keeps_messages_queued_in_order_until_released()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        await WaitForIdleAsync();
        var hold = Faults.Hold(echo);
        for (var i = 0; i < 5; i++) echo.Tell(i, TestActor);
        await ExpectNoMsgAsync();
        Assert.Equal(5, Faults.QueuedMessages(echo));
        hold.Dispose();
        Assert.Equal(new object[] { 0, 1, 2, 3, 4 }, await ReceiveNAsync(5));
    }

    [Fact, DeterministicSeed(3)]
    public async Task HoldFor_releases_after_the_virtual_while()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        RunUntilIdle();
        Faults.HoldFor(echo, TimeSpan.FromSeconds(10));
        echo.Tell("held", TestActor);
        await AdvanceAsync(TimeSpan.FromSeconds(9));
        await ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("held");
    }

    [Fact, DeterministicSeed(5)]
    public async Task SlowDown_spaces_messages_by_virtual_time_without_reordering()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        RunUntilIdle();
        Faults.SlowDown(echo, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 3; i++) echo.Tell(i, TestActor);
        await ExpectMsgAsync(0);
        await ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync(1);
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync(2);
        Faults.SlowDown(echo, TimeSpan.Zero);
    }

    [Fact]
    public void Faults_on_something_that_is_not_a_local_actor_are_rejected_clearly()
    {
        var error = Assert.Throws<ArgumentException>(() => Faults.FailNextMessage(Sys.DeadLetters));
        Assert.Contains("not a local actor", error.Message);
    }

    private void RunUntilIdle() => Driver.RunUntilIdle();
}
