using Ptm.Actors.TestKit;
using Serilog.Events;

namespace Ptm.Actors.Kernel.Tests;

public class DeadLetterTests : TestKit.TestKit
{
    public DeadLetterTests() => AllowDeadLetters();

    [Fact]
    public async Task Dead_letters_are_a_typed_stream_with_a_count()
    {
        var subscriber = CreateTestProbe("subscriber");
        using var subscription = Sys.DeadLetterStream.Subscribe(subscriber.Ref);
        var gone = await StoppedActorAsync();
        gone.Tell("one", TestActor);
        gone.Tell(2, TestActor);
        var first = await subscriber.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(new DeadLetter("one", TestActor, gone), first);
        Assert.Equal(2, (await subscriber.ExpectMsgAsync<DeadLetter>()).Message);
        Assert.Equal(2, Sys.DeadLetterStream.Count);
    }

    [Fact]
    public async Task Suppressed_dead_letters_are_published_and_counted_but_not_logged()
    {
        var gone = await StoppedActorAsync();
        gone.Tell(PoisonPill.Instance);
        gone.Tell("loud");
        Assert.Equal(2, Sys.DeadLetterStream.Count);
        Assert.Contains(DeadLetters, d => d.Message is PoisonPill);
        Logs.AssertLogged(LogEventLevel.Information, "Dead letter: \"String\"");
        Assert.False(Logs.Any(LogEventLevel.Information, "PoisonPill"));
    }

    [Fact]
    public async Task Only_the_first_few_dead_letters_are_logged()
    {
        var kit = new ScratchKit(new TestKitSettings { FailOnDeadLetters = false, ConfigureSystem = o => o with { LogDeadLetters = 2 } });
        var gone = kit.Sys.ActorOf(Props.Create<Echo>(), "gone");
        await kit.WatchAsync(gone);
        kit.Sys.Stop(gone);
        await kit.ExpectTerminatedAsync(gone);
        for (var i = 0; i < 5; i++) gone.Tell(i);
        Assert.Equal(5, kit.Sys.DeadLetterStream.Count);
        Assert.Equal(2, kit.Logs.Find(LogEventLevel.Information, "Dead letter").Count);
        await kit.DisposeAsync();
    }

    [Fact]
    public async Task Nothing_is_logged_or_published_for_dead_letters_during_shutdown()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>(), "busy");
        await WaitForIdleAsync();
        Faults.Hold(actor);
        for (var i = 0; i < 3; i++) actor.Tell(i);
        await Sys.Terminate();
        Assert.Equal(0, Sys.DeadLetterStream.Count);
        Assert.True(Sys.DeadLetterStream.CountDuringShutdown >= 3);
        Assert.False(Logs.Any(LogEventLevel.Information, "Dead letter"));
    }

    private async Task<IActorRef> StoppedActorAsync()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>(), "gone");
        await WatchAsync(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        return actor;
    }
}

/// <summary>A kit a test builds and disposes itself, to look at another system's logs or teardown.</summary>
internal sealed class ScratchKit(TestKitSettings? settings = null) : TestKit.TestKit(null, settings);
