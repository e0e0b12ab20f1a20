using Akka.Actor;
using Akka.Configuration;
using Ptm.Actors.Cluster.Directory;

namespace Ptm.Actors.Cluster.Tests;

/// <summary>The directory's decisions, in one process: names (CL1), one stream a pty from the look-up on (CL4), freeing (CL8).</summary>
public sealed class DirectoryTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly ActorSystem _system = ActorSystem.Create("directory", ConfigurationFactory.ParseString("akka.loglevel = OFF"));
    private readonly IActorRef _directory;

    public DirectoryTests() => _directory = _system.ActorOf(Props.Create(() => new PtyDirectory(0)));

    public void Dispose() => _system.Dispose();

    private IActorRef Side() => _system.ActorOf(Props.Empty);

    private Task<T> Ask<T>(object message) => _directory.Ask<T>(message, Bound);

    /// <summary>
    /// A stopped side's Terminated reaches the directory some time after GracefulStop returns:
    /// ask again until the answer satisfies <paramref name="done"/>, at most <see cref="Bound"/>.
    /// </summary>
    private async Task<T> AskUntil<T>(object message, Func<T, bool> done)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        T answer;
        while (!done(answer = await Ask<T>(message)) && deadline.Elapsed < Bound) await Task.Delay(10);
        return answer;
    }

    [Fact]
    public async Task An_admitted_open_reserves_the_stream_for_its_node_until_it_registers_or_gives_up()
    {
        var manager = Side();
        Assert.Equal(new ManagerRegistered(1, Errno.None), await Ask<ManagerRegistered>(new RegisterManager(manager, Side(), 7)));

        Assert.Equal(Errno.None, (await Ask<NameFound>(new LookUpName(1, "X"))).Error);
        Assert.Equal(Errno.EAGAIN, (await Ask<NameFound>(new LookUpName(1, "Y"))).Error); // CL4: X's open is under way
        Assert.Equal(Errno.None, (await Ask<NameFound>(new LookUpName(1, "X"))).Error); // X may open again (L9)
        _directory.Tell(new OpenAbandoned(1, "X"));
        Assert.Equal(Errno.None, (await Ask<NameFound>(new LookUpName(1, "Y"))).Error); // X gave up: Y's turn

        var subsidiary = Side();
        _directory.Tell(new RegisterSubsidiary(1, manager, subsidiary, "Y"));
        Assert.Equal(Errno.EAGAIN, (await Ask<NameFound>(new LookUpName(1, "X"))).Error); // the stream is Y's
        await subsidiary.GracefulStop(Bound);
        Assert.Equal(Errno.None, (await AskUntil<NameFound>(new LookUpName(1, "X"), found => found.Error == Errno.None)).Error); // Y's stream ended (its Terminated)
    }

    [Fact]
    public async Task A_name_is_the_lowest_free_one_and_is_freed_when_both_sides_are_gone()
    {
        var first = Side();
        var second = Side();
        Assert.Equal(1, (await Ask<ManagerRegistered>(new RegisterManager(first, Side(), 1))).Minor); // PD1
        Assert.Equal(2, (await Ask<ManagerRegistered>(new RegisterManager(second, Side(), 1))).Minor); // another node's slot 1: another name (CL1)
        var subsidiary = Side();
        _directory.Tell(new RegisterSubsidiary(1, first, subsidiary, "X"));

        await first.GracefulStop(Bound);
        // From the stream's own node, so CL4 does not refuse it: only the manager's end does (PD3).
        Assert.Equal(Errno.EAGAIN, (await AskUntil<NameFound>(new LookUpName(1, "X"), found => found.Error != Errno.None)).Error); // PD3: held by the subsidiary
        Assert.Equal(2, (await Ask<NameCount>(CountNames.Instance)).Count);
        await subsidiary.GracefulStop(Bound);
        Assert.Equal(1, (await AskUntil<NameCount>(CountNames.Instance, names => names.Count == 1)).Count); // CL8, L16
        Assert.Equal(Errno.ENOENT, (await Ask<NameFound>(new LookUpName(1, "Z"))).Error);
        Assert.Equal(1, (await Ask<ManagerRegistered>(new RegisterManager(Side(), Side(), 3))).Minor); // the lowest free again
    }
}
