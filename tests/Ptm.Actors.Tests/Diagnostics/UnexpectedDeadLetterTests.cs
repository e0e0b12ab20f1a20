using Akka.Actor;
using Ptm.Actors.Pty;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Diagnostics;

/// <summary>
/// PtySystem.UnexpectedDeadLetters, the count every test and spec ends with (a leak check): a
/// message one of the system's own sides never took is a bug, counted with an example; pair
/// traffic a close race leaves undelivered (IDeadLetterSuppression) and letters of actors that
/// are not this system's sides are expected, and not counted (PD13, R7).
/// </summary>
public class UnexpectedDeadLetterTests
{
    /// <summary>A message no pty actor knows: nothing suppresses it as a dead letter.</summary>
    private sealed record Stray(int Number);

    [Fact]
    public void A_message_to_a_stopped_side_is_counted_with_its_type_and_the_sides_path()
    {
        using var pty = new DeterministicPty();
        var side = StoppedManager(pty);

        side.Tell(new Stray(1));
        pty.Settle();

        Assert.Equal(1, pty.System.UnexpectedDeadLetters);
        Assert.Equal([$"{nameof(Stray)} to {side.Path}"], pty.System.UnexpectedDeadLetterExamples);
    }

    [Fact]
    public void Pair_traffic_left_undelivered_by_a_stopped_side_is_expected()
    {
        using var pty = new DeterministicPty();
        var side = StoppedManager(pty);

        // What a close race leaves for a side that has gone (R7): suppressed, so Akka.NET
        // publishes it as a SuppressedDeadLetter. Told to the stopped actor's ref, the letter names
        // the dead-letter actor as its recipient; sent by path (as a remote peer's is, CL3), it
        // names the side.
        side.Tell(new Credit(0));
        pty.System.ActorSystem.ActorSelection(side.Path).Tell(new SubsidiaryClosed());
        pty.Settle();
        Assert.True(pty.System.UnexpectedDeadLetters == 0, pty.At(string.Join(", ", pty.System.UnexpectedDeadLetterExamples)));

        pty.System.ActorSystem.ActorSelection(side.Path).Tell(new Stray(1)); // the same path, a letter nobody expects
        pty.Settle();
        Assert.Equal([$"{nameof(Stray)} to {side.Path}"], pty.System.UnexpectedDeadLetterExamples);
    }

    [Fact]
    public void Pair_traffic_a_live_side_leaves_unhandled_is_expected_a_stray_message_is_not()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var manager = pty.Posix.HandleOf(m).File.Side!;

        // A manager takes no Unlock (the Clone does): Akka.NET publishes an UnhandledMessage, a
        // dead letter that is not a SuppressedDeadLetter although its message is suppressed.
        manager.Tell(new Unlock(1));
        pty.Settle();
        Assert.True(pty.System.UnexpectedDeadLetters == 0, pty.At(string.Join(", ", pty.System.UnexpectedDeadLetterExamples)));

        manager.Tell(new Stray(2));
        pty.Settle();
        Assert.Equal(1, pty.System.UnexpectedDeadLetters);
        Assert.Equal([$"{nameof(Stray)} to {manager.Path}"], pty.System.UnexpectedDeadLetterExamples);
        pty.Close(m);
        pty.Close(s);
    }

    [Fact]
    public void Every_unexpected_dead_letter_is_counted_and_the_first_ten_are_shown()
    {
        using var pty = new DeterministicPty();
        var side = StoppedManager(pty);

        for (var number = 1; number <= 12; number++) side.Tell(new Stray(number));
        pty.Settle();

        Assert.Equal(12, pty.System.UnexpectedDeadLetters);
        Assert.Equal(10, pty.System.UnexpectedDeadLetterExamples.Count); // a report line, not a log of every letter
    }

    [Fact]
    public async Task Each_system_attached_to_a_host_counts_only_its_own_sides_letters()
    {
        using var host = ActorSystem.Create("dead-letter-host");
        await using var first = PtySystem.Attach(host);
        await using var second = PtySystem.Attach(host);
        var manager = await first.OpenManagerAsync().WaitAsync(Safety);
        var side = manager.File.Side!;
        await manager.DisposeAsync();
        await first.WhenIdleAsync().WaitAsync(Safety);
        var bystander = host.ActorOf(Props.Empty, "bystander"); // a stopped actor that is nobody's side
        host.Stop(bystander);
        await WatchUntilStopped(host, bystander);

        side.Tell(new Stray(1));
        bystander.Tell(new Stray(2));
        first.CloneActor.Tell(new Stray(3)); // the Clone takes it: unhandled, but the Clone is no side
        await first.WhenIdleAsync().WaitAsync(Safety);
        await second.WhenIdleAsync().WaitAsync(Safety);

        Assert.Equal([$"{nameof(Stray)} to {side.Path}"], first.UnexpectedDeadLetterExamples);
        Assert.Equal(0, second.UnexpectedDeadLetters);
    }

    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    /// <summary>A manager's actor, stopped by the last close of its pair (L16).</summary>
    private static IActorRef StoppedManager(DeterministicPty pty)
    {
        var (m, s) = pty.OpenPair();
        var side = pty.Posix.HandleOf(m).File.Side!;
        pty.Close(m);
        pty.Close(s);
        Assert.Equal(0, pty.System.AllocatedMinors);
        return side;
    }

    private static async Task WatchUntilStopped(ActorSystem host, IActorRef actor)
    {
        var stopped = new TaskCompletionSource();
        host.ActorOf(Props.Create(() => new Watcher(actor, stopped)));
        await stopped.Task.WaitAsync(Safety);
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef watched, TaskCompletionSource stopped)
        {
            Context.Watch(watched);
            Receive<Terminated>(_ => stopped.TrySetResult());
        }
    }
}
