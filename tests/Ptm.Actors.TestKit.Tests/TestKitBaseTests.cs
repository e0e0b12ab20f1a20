using Akka.Actor;

namespace Ptm.Actors.TestKit.Tests;

public class TestKitBaseTests : TestKit
{
    [Fact]
    public void Probes_are_Akka_s_and_the_test_s_actors_have_faultable_mailboxes()
    {
        Assert.IsType<Akka.TestKit.TestProbe>(CreateTestProbe("probe"));
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        Assert.Equal(0, Faults.QueuedMessages(echo));
    }

    [Fact]
    public void A_misplaced_seed_says_it_came_too_late()
    {
        Sys.ActorOf(Props.Create<Echo>(), "echo");
        var error = Assert.Throws<InvalidOperationException>(() => UseSeed(1));
        Assert.Contains("UseSeed(1) must come before the test makes actors", error.Message);
        Assert.Null(Seed);
    }

    [Fact]
    public async Task UseSeed_gives_the_test_a_new_system_whose_TestActor_and_Faults_work()
    {
        var before = Sys;
        UseSeed(12);
        Assert.NotSame(before, Sys);
        await before.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        using (Faults.Hold(echo))
        {
            echo.Tell("after the hold", TestActor);
            await WaitForIdleAsync();
            ExpectNoMsg(TimeSpan.Zero);
        }
        await WaitForIdleAsync();
        ExpectMsg("after the hold", TimeSpan.Zero);
    }
}
