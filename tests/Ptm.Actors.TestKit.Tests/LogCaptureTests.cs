using Ptm.Actors.Kernel;
using Serilog.Events;

namespace Ptm.Actors.TestKit.Tests;

public class LogCaptureTests : TestKit
{
    [Fact]
    public async Task Every_log_event_from_system_start_is_queryable_after_the_fact()
    {
        AllowLoggedErrors();
        var chatty = Sys.ActorOf(Props.Create<Chatty>(), "chatty");
        chatty.Tell("error:the disk is on fire", TestActor);
        chatty.Tell("hello", TestActor);
        await ReceiveNAsync(2);
        var error = Logs.AssertLogged(LogEventLevel.Error, "disk is on fire");
        Assert.Equal("\"ptm://LogCaptureTests/user/chatty\"", error.Properties["ActorPath"].ToString());
        Assert.True(error.Properties.ContainsKey("LogSource"));
        Assert.True(Logs.Any(LogEventLevel.Information, "hello"));
        Assert.False(Logs.Any(LogEventLevel.Information, "never said"));
    }

    [Fact]
    public async Task Nothing_at_Warning_or_above_is_a_query_too()
    {
        var chatty = Sys.ActorOf(Props.Create<Chatty>(), "chatty");
        chatty.Tell("just info", TestActor);
        await ExpectMsgAsync("logged");
        Logs.AssertNothingAtOrAbove(LogEventLevel.Warning);
        chatty.Tell("warning:careful", TestActor);
        await ExpectMsgAsync("logged");
        var failure = Assert.Throws<TestKitFailure>(() => Logs.AssertNothingAtOrAbove(LogEventLevel.Warning));
        Assert.Contains("Expected nothing logged at Warning or above, but 1 event(s) were: [Warning] Chatty says \"careful\"", failure.Message);
    }

    [Fact]
    public void A_missing_log_event_fails_with_what_was_logged()
    {
        var failure = Assert.Throws<TestKitFailure>(() => Logs.AssertLogged(LogEventLevel.Error, "kaboom"));
        Assert.Contains("Expected a log event at Error or above mentioning \"kaboom\", but none was logged", failure.Message);
    }

    [Fact]
    public async Task Teardown_fails_on_logged_errors_unless_the_test_allows_them()
    {
        var strict = new ScratchKit();
        strict.Sys.ActorOf(Props.Create<Chatty>(), "chatty").Tell("error:oops", strict.TestActor);
        await strict.ExpectMsgAsync("logged");
        await Assert.ThrowsAsync<TestKitFailure>(strict.DisposeAsync);

        var lenient = new ScratchKit();
        lenient.AllowLoggedErrors();
        lenient.Sys.ActorOf(Props.Create<Chatty>(), "chatty").Tell("error:oops", lenient.TestActor);
        await lenient.ExpectMsgAsync("logged");
        await lenient.DisposeAsync();
    }

    [Fact]
    public async Task Teardown_fails_on_unexpected_dead_letters_unless_the_test_allows_them()
    {
        var strict = new ScratchKit();
        strict.Sys.DeadLetters.Tell("lost");
        var failure = await Assert.ThrowsAsync<TestKitFailure>(strict.DisposeAsync);
        Assert.Contains("call AllowDeadLetters()", failure.Message);

        var lenient = new ScratchKit();
        lenient.AllowDeadLetters();
        lenient.Sys.DeadLetters.Tell("lost");
        Assert.Single(lenient.DeadLetters);
        await lenient.DisposeAsync();
    }

    [Fact]
    public async Task Teardown_shuts_the_system_down()
    {
        var kit = new ScratchKit();
        var system = kit.Sys;
        await kit.DisposeAsync();
        Assert.True(system.IsTerminated);
    }
}
