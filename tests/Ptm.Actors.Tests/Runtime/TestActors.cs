using Akka.Actor;

namespace Ptm.Actors.Tests.Runtime;

internal sealed record Post(params Action[] Callers);

internal sealed record Note(string Text);

/// <summary>A message whose handling takes 50 ms of work (not a wait: nothing is waited for).</summary>
internal sealed record SlowNote(string Text);

/// <summary>Tells a target several messages in one turn, so they reach it in one mailbox run.</summary>
internal sealed record TellAll(IActorRef Target, params object[] Messages);

/// <summary>
/// Resumes each caller of a Post after its turn, in reverse order (the one posted last is the
/// one that runs after the turn; those before it are queued), and logs what it handles.
/// </summary>
internal sealed class PostsCallers(ChainingSystem system, ThreadLog log) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Post post:
                log.Add("turn");
                for (var i = post.Callers.Length - 1; i >= 0; i--) system.RunAfterTurn(post.Callers[i]);
                break;
            case Note note:
                log.Add(note.Text);
                break;
            case SlowNote slow:
                var busy = System.Diagnostics.Stopwatch.StartNew();
                while (busy.ElapsedMilliseconds < 50) Thread.SpinWait(100);
                log.Add(slow.Text);
                break;
            case TellAll all:
                foreach (var each in all.Messages) all.Target.Tell(each);
                break;
        }
    }
}

internal sealed class CompletesOnNote(TaskCompletionSource done) : UntypedActor
{
    protected override void OnReceive(object message) => done.TrySetResult();
}

internal sealed class SetsOnNote(ManualResetEventSlim done) : UntypedActor
{
    protected override void OnReceive(object message) => done.Set();
}

/// <summary>"wake" tells the pingee; "wait" blocks (a defect in real actors, a probe here) until the pingee has run.</summary>
internal sealed class WakesThenWaits(IActorRef pingee, ManualResetEventSlim pinged, TaskCompletionSource<bool> waited, TimeSpan patience) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if ((string)message == "wake") pingee.Tell(new Note("ping"));
        else waited.TrySetResult(pinged.Wait(patience));
    }
}
