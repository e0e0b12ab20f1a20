using Akka.Actor;

namespace Ptm.Actors.TestKit.Tests;

public class TeardownTests : TestKit
{
    [Fact]
    public async Task Teardown_lists_unexpected_dead_letters_and_logged_errors()
    {
        var kit = new ScratchKit();
        kit.Sys.DeadLetters.Tell("lost letter", ActorRefs.NoSender);
        kit.Sys.ActorOf(Props.Create<Chatty>(), "chatty").Tell("error:disk on fire", kit.TestActor);
        await kit.WaitForIdleAsync();
        var failure = Assert.Throws<TestKitFailure>(kit.Dispose);
        Assert.Contains("1 unexpected dead letter(s)", failure.Message);
        Assert.Contains("lost letter", failure.Message);
        Assert.Contains("1 error(s) logged", failure.Message);
        Assert.Contains("disk on fire", failure.Message);
    }

    [Fact]
    public void Teardown_passes_when_the_test_allows_dead_letters_and_errors()
    {
        var kit = new ScratchKit();
        kit.AllowDeadLetters();
        kit.AllowLoggedErrors();
        kit.Sys.DeadLetters.Tell("lost letter", ActorRefs.NoSender);
        kit.Sys.ActorOf(Props.Create<Chatty>(), "chatty").Tell("error:expected", kit.TestActor);
        kit.ExpectMsg("logged");
        kit.Dispose();
    }

    [Fact]
    public void Errors_and_dead_letters_an_EventFilter_expected_do_not_fail_teardown()
    {
        var kit = new ScratchKit();
        var chatty = kit.Sys.ActorOf(Props.Create<Chatty>(), "chatty");
        kit.EventFilter.Error(contains: "expected").ExpectOne(() => chatty.Tell("error:expected", kit.TestActor));
        kit.EventFilter.DeadLetter<string>().ExpectOne(() => kit.Sys.DeadLetters.Tell("lost letter", ActorRefs.NoSender));
        kit.Dispose();
    }

    [Fact]
    public async Task A_seeded_teardown_failure_names_the_seed_to_replay()
    {
        var kit = new ScratchKit();
        kit.UseSeed(4242);
        kit.Sys.ActorOf(Props.Create<Chatty>(), "chatty").Tell("error:oops", kit.TestActor);
        await kit.WaitForIdleAsync();
        var failure = Assert.Throws<TestKitFailure>(kit.Dispose);
        Assert.Contains("[deterministic seed 4242: rerun with [DeterministicSeed(4242)]", failure.Message);
    }

    [Fact]
    public void Teardown_shuts_the_system_down()
    {
        var kit = new ScratchKit();
        var system = kit.Sys;
        kit.Dispose();
        Assert.True(system.WhenTerminated.IsCompleted);
    }
}
