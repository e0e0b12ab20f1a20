using Akka.Actor;
using Akka.Cluster;
using Ptm.Actors.Cluster.Directory;
using Ptm.Actors.Cluster.Tests.Support;

namespace Ptm.Actors.Cluster.Tests;

/// <summary>
/// CL1 at a hand-over during a partition: a directory starting while a node is hidden from it
/// must not give that node's live ptys' names again. Two nodes in this process with Akka.Remote's
/// throttler between them; a second directory is started on A as a hand-over would start one.
/// </summary>
[Collection(TrafficCollection.Name)]
public sealed class DirectoryHandOverTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Starts a directory on A, as a hand-over would, while B is behind a black hole that swallows its first recall.</summary>
    private static async Task<IActorRef> StartSuccessorBehindTheHoleAsync(ThrottledLink link)
    {
        await link.BlackHoleAsync();
        var successor = link.A.ActorSystem.ActorOf(Props.Create(() => new PtyDirectory(0)), "successor-directory");
        await successor.Ask<ActorIdentity>(new Identify(null), Bound); // started: its first recall has gone out
        await link.SentThroughTheHoleAsync(fromA: true); // the recall to B is swallowed
        return successor;
    }

    [Fact]
    public async Task A_directory_starting_while_a_node_is_partitioned_away_gives_none_of_its_names_again()
    {
        await using var link = await ThrottledLink.StartAsync();
        var onB = await link.B.OpenManagerAsync(); // B's live pty: name 1, which B's registrar remembers
        Assert.Equal("/dev/pts/1", onB.Name);

        var successor = await StartSuccessorBehindTheHoleAsync(link);
        await link.HealAsync();

        var manager = link.A.ActorSystem.ActorOf(Props.Empty);
        var registered = await successor.Ask<ManagerRegistered>(new RegisterManager(manager, manager, 1), Bound);
        Assert.Equal(new ManagerRegistered(2, Errno.None), registered); // name 1 is B's still (CL1, PD1)
    }

    [Fact]
    public async Task A_directory_starting_while_a_node_is_partitioned_away_stops_waiting_for_it_once_it_is_downed()
    {
        await using var link = await ThrottledLink.StartAsync(failureDetection: TimeSpan.FromSeconds(1));
        Assert.Equal("/dev/pts/1", (await link.B.OpenManagerAsync()).Name);

        var successor = await StartSuccessorBehindTheHoleAsync(link);
        var cluster = Akka.Cluster.Cluster.Get(link.A.ActorSystem);
        var b = Address.Parse(link.B.Address);
        var unreachable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = link.A.ActorSystem.ActorOf(Props.Create(() => new UnreachableWatcher(b, unreachable)));
        cluster.Subscribe(watcher, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.UnreachableMember));
        await unreachable.Task.WaitAsync(Bound); // A's failure detector has given up on B
        cluster.Down(b); // as keep-majority would, from A, the leader of what it can reach: B and its ptys are lost (CL6)

        var manager = link.A.ActorSystem.ActorOf(Props.Empty);
        var registered = await successor.Ask<ManagerRegistered>(new RegisterManager(manager, manager, 1), Bound);
        Assert.Equal(new ManagerRegistered(1, Errno.None), registered); // B's name went with B (CL8), and nothing waits for it any more
    }

    /// <summary>Completes <paramref name="seen"/> when the cluster reports <paramref name="node"/> unreachable.</summary>
    private sealed class UnreachableWatcher : ReceiveActor
    {
        public UnreachableWatcher(Address node, TaskCompletionSource seen) =>
            Receive<ClusterEvent.UnreachableMember>(member => { if (member.Member.Address.Equals(node)) seen.TrySetResult(); });
    }
}
