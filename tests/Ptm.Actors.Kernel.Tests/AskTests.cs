using Ptm.Actors.TestKit;

namespace Ptm.Actors.Kernel.Tests;

public class AskTests : TestKit.TestKit
{
    [Fact]
    public async Task Ask_times_out_on_the_injected_clock_and_names_the_target()
    {
        // Ported from CoreTests onto the kit's virtual time.
        UseVirtualTime();
        var silent = CreateTestProbe("silent");
        var ask = silent.Ref.Ask<string>("anyone?", TimeSpan.FromSeconds(3));
        await silent.ExpectMsgAsync("anyone?");
        await AdvanceAsync(TimeSpan.FromSeconds(2.9));
        Assert.False(ask.IsCompleted);
        await AdvanceAsync(TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains("silent", error.Message);
        Assert.Contains("3000 ms", error.Message);
    }

    [Fact]
    public async Task The_default_Ask_timeout_comes_from_the_options()
    {
        await using var system = ActorSystem.Create("defaults", new ActorSystemOptions { Time = new ManualTimeProvider(), DefaultAskTimeout = TimeSpan.FromSeconds(7) });
        var probe = new TestProbe(system, "quiet");
        var ask = probe.Ref.Ask("?");
        await probe.ExpectMsgAsync("?");
        ((ManualTimeProvider)system.Time).Advance(TimeSpan.FromSeconds(7));
        Assert.Contains("7000 ms", (await Assert.ThrowsAsync<AskTimeoutException>(() => ask)).Message);
    }

    [Fact]
    public async Task Status_Failure_faults_the_Ask_and_Status_Success_unwraps()
    {
        var probe = CreateTestProbe();
        var failing = probe.Ref.Ask<string>("x");
        await probe.ExpectMsgAsync("x");
        probe.Reply(new Status.Failure(new InvalidOperationException("no")));
        Assert.Equal("no", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);

        var succeeding = probe.Ref.Ask<int>("y");
        await probe.ExpectMsgAsync("y");
        probe.Reply(new Status.Success(42));
        Assert.Equal(42, await succeeding);
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_Ask()
    {
        var probe = CreateTestProbe();
        using var cancel = new CancellationTokenSource();
        var ask = probe.Ref.Ask("wait", cancellationToken: cancel.Token);
        await probe.ExpectMsgAsync("wait");
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task A_reply_that_is_an_exception_object_is_the_answer_not_a_fault()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        var answer = await echo.Ask<InvalidOperationException>(new InvalidOperationException("just data"));
        Assert.Equal("just data", answer.Message);
    }

    [Fact]
    public async Task An_ask_an_actor_answers_has_completed_when_the_system_is_idle()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        await WaitForIdleAsync();
        for (var i = 0; i < 100; i++)
        {
            var ask = echo.Ask<int>(i);
            await Sys.WhenIdleAsync();
            Assert.True(ask.IsCompleted, $"ask {i} completed after the system reported idle");
            Assert.Equal(i, ask.Result);
        }
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_says_what_was_expected_and_what_came()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        var error = await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<int>("not a number"));
        Assert.Contains("expected Int32 but got String", error.Message);
    }

    [Fact]
    public async Task A_second_reply_to_a_completed_Ask_is_a_dead_letter()
    {
        AllowDeadLetters();
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask("q");
        await probe.ExpectMsgAsync("q");
        probe.Reply("first");
        probe.Reply("second");
        Assert.Equal("first", await ask);
        Assert.Equal("second", Assert.Single(DeadLetters).Message);
    }

    [Fact]
    public void Ask_of_something_that_is_not_a_local_actor_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => { _ = new Collector().Ask("?"); });
        Assert.Contains("not an actor of a running system", error.Message);
    }
}
