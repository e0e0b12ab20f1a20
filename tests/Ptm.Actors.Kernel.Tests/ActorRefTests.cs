using Ptm.Actors.TestKit;

namespace Ptm.Actors.Kernel.Tests;

public class ActorRefTests : TestKit.TestKit
{
    [Fact]
    public async Task Tell_delivers_the_message_with_its_sender()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("hi", TestActor);
        await ExpectMsgFromAsync<string>(echo);
        Assert.Equal("hi", TestActorProbe.LastMessage);
    }

    [Fact]
    public async Task A_message_told_without_a_sender_has_the_dead_letter_ref_as_sender()
    {
        var relay = Sys.ActorOf(Props.Create(() => new Forwarder(TestActor)), "relay");
        relay.Tell("anonymous");
        await ExpectMsgFromAsync(Sys.DeadLetters, "anonymous");
    }

    [Fact]
    public async Task A_path_names_the_system_the_parents_and_the_actor()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(TestActor, SupervisorStrategy.DefaultStrategy, "kid")), "mum");
        await ExpectMsgAsync("supervisor:prestart");
        await ExpectMsgAsync("kid:prestart");
        Assert.Equal("ptm://ActorRefTests/user/mum", parent.Path.ToString());
        Assert.Equal("/user/mum", parent.Path.ToStringWithoutAddress());
        Assert.Equal("mum", parent.Path.Name);
        Assert.Equal("user", parent.Path.Parent!.Name);
        Assert.Equal("ActorRefTests", parent.Path.SystemName);
    }

    [Fact]
    public async Task Refs_to_one_incarnation_are_equal_and_a_new_incarnation_with_the_same_name_is_not()
    {
        var first = Sys.ActorOf(Props.Create<Echo>(), "reused");
        first.Tell("who", TestActor);
        await ExpectMsgAsync("who");
        Assert.Equal(first, TestActorProbe.LastSender);
        Assert.Equal(first.GetHashCode(), TestActorProbe.LastSender.GetHashCode());
        await WatchAsync(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);
        // The name is free once /user has processed the death; retry until it has.
        IActorRef? second = null;
        await AwaitAssertAsync(() => { second ??= Sys.ActorOf(Props.Create<Echo>(), "reused"); });
        Assert.NotNull(second);
        // Same name, new uid: the refs and paths differ.
        Assert.NotEqual(first, second);
        Assert.NotEqual(first.Path, second.Path);
        Assert.Equal(first.Path.Name, second.Path.Name);
    }

    [Fact]
    public async Task Tell_to_a_stopped_actor_goes_to_dead_letters_and_never_throws()
    {
        AllowDeadLetters();
        var echo = Sys.ActorOf(Props.Create<Echo>(), "gone");
        await WatchAsync(echo);
        Sys.Stop(echo);
        await ExpectTerminatedAsync(echo);
        echo.Tell("into the void", TestActor);
        var letter = Assert.Single(DeadLetters);
        Assert.Equal("into the void", letter.Message);
        Assert.Equal(echo, letter.Recipient);
        Assert.Equal(TestActor, letter.Sender);
    }

    [Fact]
    public void A_null_message_is_rejected_at_Tell()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "strict");
        var error = Assert.Throws<ArgumentNullException>(() => echo.Tell(null!));
        Assert.Contains("must not be null", error.Message);
        Assert.Throws<ArgumentNullException>(() => Sys.DeadLetters.Tell(null!));
    }
}
