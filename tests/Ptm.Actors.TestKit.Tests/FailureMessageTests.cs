using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit.Tests;

/// <summary>Each kind of failure says which probe waited, for what, for how long, and what came instead.</summary>
public class FailureMessageTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_timeout_names_the_probe_what_it_waited_for_how_long_and_that_nothing_came()
    {
        var probe = CreateTestProbe("patient");
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => probe.ExpectMsgAsync<string>(Short));
        Assert.Contains("Probe 'patient'", failure.Message);
        Assert.Contains("for a String", failure.Message);
        Assert.Contains($"budget {Dilated(Short).TotalMilliseconds:0} ms", failure.Message);
        Assert.Contains("received nothing", failure.Message);
    }

    [Fact]
    public async Task A_wrong_type_shows_the_message_and_its_sender()
    {
        var probe = CreateTestProbe("typed");
        probe.Ref.Tell(42, TestActor);
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => probe.ExpectMsgAsync<string>(Short));
        Assert.Contains("Probe 'typed'", failure.Message);
        Assert.Contains("received Int32 42 from Actor[ptm://", failure.Message);
        Assert.Contains("testActor", failure.Message);
        Assert.Contains("wrong type", failure.Message);
    }

    [Fact]
    public async Task A_wrong_value_shows_expected_and_received()
    {
        var probe = CreateTestProbe("valued");
        probe.Ref.Tell("actual");
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => probe.ExpectMsgAsync("expected", Short));
        Assert.Contains("for String \"expected\"", failure.Message);
        Assert.Contains("received String \"actual\"", failure.Message);
    }

    [Fact]
    public async Task A_failed_assertion_includes_the_assertion_message()
    {
        var probe = CreateTestProbe("asserted");
        probe.Ref.Tell(3);
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => probe.ExpectMsgAsync<int>(n => Assert.Equal(4, n), Short));
        Assert.Contains("the assertion failed", failure.Message);
        Assert.Contains("Expected: 4", failure.Message);
    }

    [Fact]
    public async Task A_wrong_sender_is_reported_as_such()
    {
        var probe = CreateTestProbe("picky");
        var other = CreateTestProbe("other");
        probe.Ref.Tell("hi", other.Ref);
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => probe.ExpectMsgFromAsync<string>(TestActor, Short));
        Assert.Contains("wrong sender", failure.Message);
        Assert.Contains("other", failure.Message);
    }

    [Fact]
    public async Task An_unexpected_message_names_it_when_none_was_expected()
    {
        var probe = CreateTestProbe("quiet");
        probe.Ref.Tell("surprise");
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => probe.ExpectNoMsgAsync());
        Assert.Contains("Probe 'quiet' expected no message once the system was idle but received String \"surprise\"", failure.Message);
    }

    [Fact]
    public async Task ReceiveN_says_how_many_came()
    {
        var probe = CreateTestProbe("counter");
        probe.Ref.Tell(1);
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => probe.ReceiveNAsync(3, Short));
        Assert.Contains("for 3 messages but received only 1: [Int32 1]", failure.Message);
    }

    [Fact]
    public async Task FishForMessage_lists_what_it_skipped()
    {
        var probe = CreateTestProbe("fisher");
        probe.Ref.Tell("old boot");
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => probe.FishForMessageAsync<string>(s => s == "fish", Short, "\"fish\""));
        Assert.Contains("(fishing)", failure.Message);
        Assert.Contains("only non-matching messages: [String \"old boot\"", failure.Message);
    }

    [Fact]
    public async Task ExpectTerminated_says_the_probe_is_not_watching_and_what_is_queued()
    {
        var probe = CreateTestProbe("watcher");
        var actor = Sys.ActorOf(Props.Create<Echo>(), "alive");
        probe.Ref.Tell("unrelated");
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => probe.ExpectTerminatedAsync(actor, Short));
        Assert.Contains("for Terminated of Actor[ptm://", failure.Message);
        Assert.Contains("the probe is not watching it", failure.Message);
        Assert.Contains("ordinary messages queued meanwhile: [String \"unrelated\"", failure.Message);
    }

    [Fact]
    public async Task Within_reports_an_overrun_and_an_underrun()
    {
        // A zero maximum: any block that yields at all overruns it (no race with a timer's granularity).
        var over = await Assert.ThrowsAsync<TestKitFailure>(() => WithinAsync(TimeSpan.Zero, async () => await Task.Yield()));
        Assert.Contains("Within: the block took", over.Message);
        Assert.Contains("more than its maximum of 0 ms", over.Message);
        var under = await Assert.ThrowsAsync<TestKitFailure>(() => WithinAsync(TimeSpan.FromHours(1), TimeSpan.FromHours(2), () => Task.CompletedTask));
        Assert.Contains("less than its minimum of 3600000 ms", under.Message);
    }

    [Fact]
    public async Task AwaitCondition_names_the_condition_and_the_budget()
    {
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => AwaitConditionAsync(() => false, Short, "the moon is blue"));
        Assert.Contains("AwaitCondition: 'the moon is blue' was still false", failure.Message);
        Assert.Contains($"budget {Dilated(Short).TotalMilliseconds:0} ms", failure.Message);
    }

    [Fact]
    public async Task AwaitAssert_carries_the_last_assertion_failure()
    {
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => AwaitAssertAsync(() => Assert.Equal(1, 2), Short));
        Assert.Contains("AwaitAssert: the assertion still failed", failure.Message);
        Assert.Contains("Expected: 1", failure.Message);
    }

    [Fact]
    public async Task A_deterministic_failure_prints_the_seed_to_replay()
    {
        UseSeed(4242);
        var probe = CreateTestProbe("seeded");
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() => probe.ExpectMsgAsync<string>());
        Assert.Contains("until the deterministic system was idle", failure.Message);
        Assert.Contains("[deterministic seed 4242: rerun with [DeterministicSeed(4242)]", failure.Message);
    }

    [Fact]
    public async Task Teardown_lists_unexpected_dead_letters_and_logged_errors()
    {
        var kit = new ScratchKit();
        kit.Sys.DeadLetters.Tell("lost letter");
        kit.Sys.ActorOf(Props.Create<Chatty>(), "chatty").Tell("error:disk on fire", kit.TestActor);
        await kit.WaitForIdleAsync();
        var failure = await Assert.ThrowsAsync<TestKitFailure>(kit.DisposeAsync);
        Assert.Contains("1 unexpected dead letter(s)", failure.Message);
        Assert.Contains("String \"lost letter\"", failure.Message);
        Assert.Contains("1 error(s) logged", failure.Message);
        Assert.Contains("disk on fire", failure.Message);
    }

    [Fact]
    public async Task A_misplaced_seed_says_it_came_too_late()
    {
        _ = Sys;
        var error = Assert.Throws<InvalidOperationException>(() => UseSeed(1));
        Assert.Contains("UseSeed(1) must come before the test touches Sys", error.Message);
        await WaitForIdleAsync();
    }
}
