using Ptm.Actors.TestKit;

namespace Ptm.Actors.Kernel.Tests;

public class StashTests : TestKit.TestKit
{
    [Fact]
    public async Task UnstashAll_puts_stashed_messages_ahead_of_newer_ones_in_their_original_order()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate(TestActor)), "gate");
        foreach (var m in new[] { "1", "2", "3", "open", "4" }) actor.Tell(m);
        Assert.Equal(new object[] { "1", "2", "3", "4" }, await ReceiveNAsync(4));
    }

    [Fact]
    public async Task Stashed_messages_survive_a_restart()
    {
        AllowLoggedErrors();
        var actor = Sys.ActorOf(Props.Create(() => new Gate(TestActor)), "gate");
        foreach (var m in new[] { "1", "2", "crash", "3", "open" }) actor.Tell(m);
        Assert.Equal(new object[] { "1", "2", "3" }, await ReceiveNAsync(3));
    }

    [Fact]
    public async Task A_bounded_stash_throws_StashOverflowException_at_capacity()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate(TestActor)).WithStashCapacity(2), "bounded");
        foreach (var m in new[] { "1", "2", "3" }) actor.Tell(m);
        var overflow = await ExpectMsgAsync<StashOverflowException>();
        Assert.Contains("is full (2 messages)", overflow.Message);
        Assert.Contains("/user/bounded", overflow.Message);
    }

    [Fact]
    public async Task Stashing_the_same_message_twice_throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new DoubleStasher(TestActor)), "twice");
        actor.Tell("once is enough");
        var error = await ExpectMsgAsync<IllegalStateException>();
        Assert.Contains("already stashed", error.Message);
    }

    private sealed class Gate(IActorRef report) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "crash": throw new InvalidOperationException("crash while stashing");
                case "open":
                    Context.Become(m => { report.Tell(m); return true; });
                    Context.Stash.UnstashAll();
                    break;
                default:
                    try { Context.Stash.Stash(); }
                    catch (StashOverflowException overflow) { report.Tell(overflow); }
                    break;
            }
        }
    }

    private sealed class DoubleStasher(IActorRef report) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            Context.Stash.Stash();
            try { Context.Stash.Stash(); }
            catch (IllegalStateException error) { report.Tell(error); }
        }
    }
}
