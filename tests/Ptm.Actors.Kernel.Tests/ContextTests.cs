using Ptm.Actors.TestKit;
using Serilog.Events;

namespace Ptm.Actors.Kernel.Tests;

public class ContextTests : TestKit.TestKit
{
    [Fact]
    public async Task Self_Sender_Parent_and_System_describe_where_the_actor_stands()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Introspective(TestActor, true)), "parent");
        parent.Tell("who", TestActor);
        var facts = await ExpectMsgAsync<Facts>();
        Assert.Equal(parent, facts.Self);
        Assert.Equal(TestActor, facts.Sender);
        Assert.Equal("/user", facts.Parent.Path.ToStringWithoutAddress());
        Assert.Same(Sys, facts.System);
        Assert.Equal(new[] { "a", "b" }, facts.ChildNames);
        Assert.True(facts.ChildLookupWorks);
    }

    [Fact]
    public async Task ActorOf_needs_a_unique_name_among_live_siblings_and_generates_unique_names()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Introspective(TestActor, false)), "parent");
        parent.Tell("duplicate", TestActor);
        var error = await ExpectMsgAsync<InvalidActorNameException>();
        Assert.Contains("[twin]", error.Message);
        Assert.Contains("not unique", error.Message);
        parent.Tell("anonymous", TestActor);
        var names = await ExpectMsgAsync<string[]>();
        Assert.Equal(3, names.Distinct().Count());
        Assert.All(names, n => Assert.StartsWith("$", n));
    }

    [Fact]
    public async Task Context_Stop_stops_a_child_and_the_parent_sees_it_leave_Children()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Introspective(TestActor, true)), "parent");
        parent.Tell("stop-a", TestActor);
        await ExpectMsgAsync("terminated:a");
        parent.Tell("who", TestActor);
        Assert.Equal(new[] { "b" }, (await ExpectMsgAsync<Facts>()).ChildNames);
    }

    [Fact]
    public async Task WatchWith_delivers_the_custom_message_instead_of_Terminated()
    {
        var subject = Sys.ActorOf(Props.Create<Echo>(), "subject");
        var watcher = Sys.ActorOf(Props.Create(() => new CustomWatcher(subject, TestActor)), "watcher");
        await WaitForIdleAsync();
        Sys.Stop(subject);
        await ExpectMsgAsync("subject is gone");
        await ExpectNoMsgAsync();
        _ = watcher;
    }

    [Fact]
    public async Task Watching_yourself_does_nothing()
    {
        var self = Sys.ActorOf(Props.Create(() => new SelfWatcher(TestActor)), "narcissus");
        await WatchAsync(self);
        Sys.Stop(self);
        await ExpectTerminatedAsync(self);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task GetLogger_events_carry_ActorPath_and_LogSource()
    {
        var chatty = Sys.ActorOf(Props.Create(() => new Talker()), "talker");
        chatty.Tell("hello world", TestActor);
        await ExpectMsgAsync("said");
        var logged = Logs.AssertLogged(LogEventLevel.Information, "hello world");
        Assert.Equal("\"ptm://ContextTests/user/talker\"", logged.Properties["ActorPath"].ToString());
        Assert.Equal("\"ptm://ContextTests/user/talker\"", logged.Properties["LogSource"].ToString());
        Assert.Equal("\"hello world\"", logged.Properties["Text"].ToString());
    }

    internal sealed record Facts(IActorRef Self, IActorRef Sender, IActorRef Parent, ActorSystem System, string[] ChildNames, bool ChildLookupWorks);

    private sealed class Introspective(IActorRef report, bool withChildren) : UntypedActor
    {
        protected override void PreStart()
        {
            if (!withChildren) return;
            Context.ActorOf(Props.Create<Echo>(), "a");
            Context.ActorOf(Props.Create<Echo>(), "b");
        }

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "who":
                    var names = Context.Children.Select(c => c.Path.Name).OrderBy(n => n).ToArray();
                    Sender.Tell(new Facts(Self, Sender, Context.Parent, Context.System, names,
                        withChildren && Context.Child("a") is not null && Context.Child("zzz") is null));
                    break;
                case "duplicate":
                    Context.ActorOf(Props.Create<Echo>(), "twin");
                    try { Context.ActorOf(Props.Create<Echo>(), "twin"); }
                    catch (InvalidActorNameException error) { Sender.Tell(error); }
                    break;
                case "anonymous":
                    Sender.Tell(Enumerable.Range(0, 3).Select(_ => Context.ActorOf(Props.Create<Echo>()).Path.Name).ToArray());
                    break;
                case "stop-a":
                    Context.Watch(Context.Child("a")!);
                    Context.Stop(Context.Child("a")!);
                    break;
                case Terminated terminated:
                    report.Tell("terminated:" + terminated.ActorRef.Path.Name);
                    break;
            }
        }
    }

    private sealed class CustomWatcher(IActorRef subject, IActorRef report) : UntypedActor
    {
        protected override void PreStart() => Context.WatchWith(subject, "subject is gone");
        protected override void OnReceive(object message) => report.Tell(message);
    }

    private sealed class SelfWatcher(IActorRef report) : UntypedActor
    {
        protected override void PreStart() => Context.Watch(Self);
        protected override void OnReceive(object message) => report.Tell(message);
    }

    private sealed class Talker : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            Context.GetLogger().Info("Talker says {Text}", message);
            Sender.Tell("said");
        }
    }
}
