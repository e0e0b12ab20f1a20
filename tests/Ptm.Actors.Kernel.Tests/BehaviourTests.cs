using Ptm.Actors.TestKit;
using Serilog.Events;

namespace Ptm.Actors.Kernel.Tests;

public class BehaviourTests : TestKit.TestKit
{
    [Fact]
    public async Task Receive_of_T_dispatches_by_type_and_predicate_in_registration_order()
    {
        var actor = Sys.ActorOf(Props.Create<TypedReceiver>(), "typed");
        actor.Tell(5, TestActor);
        actor.Tell(50, TestActor);
        actor.Tell("text", TestActor);
        actor.Tell(1.5, TestActor);
        await ExpectMsgAsync("small int 5");
        await ExpectMsgAsync("int 50");
        await ExpectMsgAsync("string text");
        await ExpectMsgAsync("anything Double");
    }

    [Fact]
    public async Task Become_replaces_every_handler_until_the_next_Become()
    {
        var actor = Sys.ActorOf(Props.Create<Switcher>(), "switcher");
        actor.Tell("hello", TestActor);
        actor.Tell("switch", TestActor);
        actor.Tell("hello", TestActor);
        actor.Tell("switch", TestActor);
        actor.Tell("hello", TestActor);
        Assert.Equal(new object[] { "calm:hello", "loud:HELLO", "calm:hello" }, await ReceiveNAsync(3));
    }

    [Fact]
    public async Task BecomeStacked_and_UnbecomeStacked_push_and_pop_behaviours()
    {
        var actor = Sys.ActorOf(Props.Create<Stacker>(), "stacker");
        foreach (var m in new[] { "x", "push", "x", "push", "x", "pop", "x", "pop", "x" }) actor.Tell(m, TestActor);
        Assert.Equal(new object[] { "base", "level1", "level2", "level1", "base" }, await ReceiveNAsync(5));
    }

    [Fact]
    public async Task An_UntypedActor_gets_every_message_in_OnReceive_and_Unhandled_is_logged_not_thrown()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Forwarder(TestActor)), "untyped");
        actor.Tell(1);
        actor.Tell("two");
        Assert.Equal(new object[] { 1, "two" }, await ReceiveNAsync(2));
        var picky = Sys.ActorOf(Props.Create<TypedReceiver>(), "picky");
        picky.Tell(new object(), TestActor);
        await AwaitConditionAsync(() => Logs.Find(LogEventLevel.Debug, "Unhandled message").Any(e => e.Properties["MessageType"].ToString() == "\"Object\""),
            what: "the unhandled message is logged at Debug");
        picky.Tell(1, TestActor);
        await ExpectMsgAsync("small int 1");
    }

    [Fact]
    public async Task Props_create_a_fresh_instance_for_each_incarnation()
    {
        AllowLoggedErrors();
        var actor = Sys.ActorOf(Props.Create<CountsInstances>(), "counted");
        actor.Tell("id", TestActor);
        var first = await ExpectMsgAsync<int>();
        actor.Tell("boom", TestActor);
        actor.Tell("id", TestActor);
        Assert.NotEqual(first, await ExpectMsgAsync<int>());
    }

    [Fact]
    public void Props_options_are_immutable_and_an_actor_cannot_be_made_with_new()
    {
        var props = Props.Create<Echo>();
        var bounded = props.WithStashCapacity(3).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);
        Assert.Equal(-1, props.StashCapacity);
        Assert.Null(props.SupervisorStrategy);
        Assert.Equal(3, bounded.StashCapacity);
        Assert.Same(SupervisorStrategy.StoppingStrategy, bounded.SupervisorStrategy);
        Assert.Throws<ArgumentNullException>(() => Props.Create<Echo>(null!));
        var error = Assert.Throws<ActorException>(() => new Echo());
        Assert.Contains("use ActorSystem.ActorOf or Context.ActorOf with Props", error.Message);
    }

    private sealed class TypedReceiver : ReceiveActor
    {
        public TypedReceiver()
        {
            Receive<int>(n => n < 10, n => Sender.Tell("small int " + n));
            Receive<int>(n => Sender.Tell("int " + n));
            Receive<string>(s => Sender.Tell("string " + s));
            Receive<double>(d => Sender.Tell("anything " + d.GetType().Name));
        }
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher() => Calm();

        private void Calm()
        {
            Receive<string>(s => s == "switch", _ => Become(Loud));
            Receive<string>(s => Sender.Tell("calm:" + s));
        }

        private void Loud()
        {
            Receive<string>(s => s == "switch", _ => Become(Calm));
            Receive<string>(s => Sender.Tell("loud:" + s.ToUpperInvariant()));
        }
    }

    private sealed class Stacker : UntypedActor
    {
        private int _depth;

        protected override void OnReceive(object message) => Handle(message, "base");

        private bool Handle(object message, string name)
        {
            switch (message)
            {
                case "push":
                    var level = "level" + ++_depth;
                    Context.BecomeStacked(m => Handle(m, level));
                    break;
                case "pop":
                    _depth--;
                    Context.UnbecomeStacked();
                    break;
                default:
                    Sender.Tell(name);
                    break;
            }
            return true;
        }
    }

    private sealed class CountsInstances : UntypedActor
    {
        private static int s_instances;
        private readonly int _id = Interlocked.Increment(ref s_instances);

        protected override void OnReceive(object message)
        {
            if (message is "boom") throw new InvalidOperationException("boom");
            Sender.Tell(_id);
        }
    }
}
