using Akka.Actor;
using Akka.Configuration;
using Ptm.Actors.Pty;

namespace Ptm.Actors.Tests.Requests;

/// <summary>
/// A side's Props carry its open request to the actor's first start, then let go of it (memory
/// per idle pair). Akka.NET copies Props when a deployment in the host's configuration applies
/// to the actor's path; the copy must carry the open request too.
/// </summary>
public class SidePropsTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task Ptys_open_under_a_host_deployment_that_names_the_sides_dispatcher()
    {
        var config = ConfigurationFactory.ParseString("""akka.actor.deployment { "/ptys-1/*" { dispatcher = ptm.dispatcher } }""");
        using var host = ActorSystem.Create("side-props-host", config);
        await using var ptys = PtySystem.Attach(host);

        await using var manager = await ptys.OpenManagerAsync().WaitAsync(Safety);
        await using var subsidiary = await manager.OpenSubsidiaryAsync().WaitAsync(Safety);
        await manager.WriteAsync("hi"u8.ToArray()).WaitAsync(Safety);
        var buffer = new byte[2];
        Assert.Equal(2, await subsidiary.ReadAsync(buffer).WaitAsync(Safety));
        Assert.Equal(0, ptys.Statistics.UnexpectedFailures);
    }

    [Fact]
    public async Task A_copy_of_a_sides_Props_starts_the_side_once_with_its_open_request()
    {
        await using var ptys = PtySystem.Create();
        var open = new OpenManagerRequest(Credentials.Root, new OpenFile(3, OpenFlags.None, ptys.Completion));
        var started = new List<OpenRequest>();
        var props = new SideProps<ManagerActor>(Props.Empty.Deploy, default, open, (_, request) =>
        {
            started.Add(request);
            return null!; // no actor cell here to build a real one in
        });

        var copy = props.WithDispatcher("ptm.dispatcher"); // what a deployment's dispatcher does
        copy.NewActor();

        Assert.Same(open, Assert.Single(started));
        var again = Assert.Throws<InvalidOperationException>(() => copy.NewActor()); // the Props hold the request no more
        Assert.Contains("PD13", again.Message); // a restart is the only second start, and PD13 rules it out
    }
}
