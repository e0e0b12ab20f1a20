using Akka.Actor;
using Akka.Event;

namespace Ptm.Actors.Tests.Clone;

/// <summary>
/// A message the Clone does not know is passed to Akka's Unhandled, as any actor's is: it is
/// published as an UnhandledMessage (what akka.actor.debug.unhandled logs), never dropped in silence.
/// </summary>
public class UnknownMessageTests
{
    private sealed record Stray;

    [Fact]
    public async Task A_message_the_clone_does_not_know_is_published_as_unhandled()
    {
        await using var ptys = PtySystem.Create();
        var inbox = Inbox.Create(ptys.ActorSystem);
        ptys.ActorSystem.EventStream.Subscribe(inbox.Receiver, typeof(UnhandledMessage));
        var stray = new Stray();

        ptys.CloneActor.Tell(stray, ActorRefs.NoSender);

        var unhandled = (UnhandledMessage)await inbox.ReceiveAsync(TimeSpan.FromSeconds(20)); // a safety net, never a barrier
        Assert.Same(stray, unhandled.Message);
        Assert.Equal(ptys.CloneActor, unhandled.Recipient);
    }
}
