using System.Text;
using Akka.Actor;
using Akka.Actor.Dsl;

namespace Ptm.Actors.Hosting.Tests;

/// <summary>
/// A host app that already has an ActorSystem (the TestKit's <c>Sys</c>) and brings ptys into it:
/// <see cref="PtySystem.Attach"/> and the extension <see cref="PtySystem.Get"/>.
/// </summary>
public class AttachedPtysTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task Attach_runs_the_ptys_under_the_hosts_user_guardian()
    {
        await using var ptys = PtySystem.Attach(Sys);
        Assert.StartsWith("/user/", ptys.CloneActor.Path.ToStringWithoutAddress());
        Assert.Equal(((ExtendedActorSystem)Sys).Guardian.Path, ptys.CloneActor.Path.Parent);
        Assert.Equal(ptys.CloneActor, await Sys.ActorSelection(ptys.CloneActor.Path).ResolveOne(Safety));

        await using var manager = await ptys.OpenManagerAsync().WaitAsync(Safety);
        await using var subsidiary = await manager.OpenSubsidiaryAsync().WaitAsync(Safety);
        await manager.WriteAsync("hello\n"u8.ToArray()).WaitAsync(Safety);
        var buffer = new byte[16];
        var count = await subsidiary.ReadAsync(buffer).WaitAsync(Safety);
        Assert.Equal("hello\n", Encoding.ASCII.GetString(buffer, 0, count));
    }

    [Fact]
    public async Task Disposing_an_attached_system_frees_its_minors_and_leaves_the_host_running()
    {
        var ptys = PtySystem.Attach(Sys);
        var manager = await ptys.OpenManagerAsync().WaitAsync(Safety);
        await manager.OpenSubsidiaryAsync().WaitAsync(Safety);
        await ptys.OpenManagerAsync().WaitAsync(Safety);
        Assert.Equal(2, ptys.AllocatedMinors);
        Watch(ptys.CloneActor);

        await ptys.DisposeAsync().AsTask().WaitAsync(Safety);

        Assert.Equal(0, ptys.AllocatedMinors);
        Assert.True(ptys.IsDisposed);
        await ExpectTerminatedAsync(ptys.CloneActor); // its actors are gone from the host's /user
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ptys.OpenManagerAsync());
        Assert.False(Sys.WhenTerminated.IsCompleted);
        var echo = Sys.ActorOf(dsl => dsl.ReceiveAny((message, context) => context.Sender.Tell(message)), "echo");
        echo.Tell("still running", TestActor);
        await ExpectMsgAsync("still running");
    }

    [Fact]
    public async Task Two_attached_systems_are_separate_machines_each_starting_at_pts_1()
    {
        await using var first = PtySystem.Attach(Sys);
        await using var second = PtySystem.Attach(Sys, new PtySystemOptions { MaxPtys = 1 });
        Assert.NotEqual(first.CloneActor.Path, second.CloneActor.Path);

        await using var firstManager = await first.OpenManagerAsync().WaitAsync(Safety);
        await using var secondManager = await second.OpenManagerAsync().WaitAsync(Safety);
        Assert.Equal("/dev/pts/1", await firstManager.GetSubsidiaryNameAsync().WaitAsync(Safety));
        Assert.Equal("/dev/pts/1", await secondManager.GetSubsidiaryNameAsync().WaitAsync(Safety));
        Assert.Equal(1, first.AllocatedMinors);
        Assert.Equal(1, second.AllocatedMinors);

        // Each keeps its own limit: the second is full, the first is not.
        Assert.Equal(Errno.ENOMEM, (await Assert.ThrowsAsync<PtyException>(() => second.OpenManagerAsync())).Errno);
        await using var firstAgain = await first.OpenManagerAsync().WaitAsync(Safety);
        Assert.Equal("/dev/pts/2", await firstAgain.GetSubsidiaryNameAsync().WaitAsync(Safety));
    }

    [Fact]
    public async Task Get_returns_the_same_instance_for_a_system_and_a_new_one_for_another()
    {
        var other = ActorSystem.Create("other-host");
        try
        {
            var ptys = PtySystem.Get(Sys);
            Assert.Same(ptys, PtySystem.Get(Sys));
            var others = PtySystem.Get(other);
            Assert.NotSame(ptys, others);
            Assert.Same(others, PtySystem.Get(other));

            await using var manager = await ptys.OpenManagerAsync().WaitAsync(Safety);
            Assert.Equal(1, PtySystem.Get(Sys).AllocatedMinors);
            Assert.Equal(0, PtySystem.Get(other).AllocatedMinors);
        }
        finally
        {
            await other.Terminate().WaitAsync(Safety);
        }
    }

    [Fact]
    public async Task Get_ends_with_its_actor_system()
    {
        var other = ActorSystem.Create("ending-host");
        var ptys = PtySystem.Get(other);
        await ptys.OpenManagerAsync().WaitAsync(Safety);
        Assert.False(ptys.IsDisposed);

        await other.Terminate().WaitAsync(Safety);

        Assert.True(ptys.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ptys.OpenManagerAsync());
        await ptys.DisposeAsync().AsTask().WaitAsync(Safety); // still safe to dispose after its system ended
    }

    [Fact]
    public async Task ActorSystem_property_returns_the_system_it_runs_on()
    {
        await using var created = PtySystem.Create();
        Assert.NotSame(Sys, created.ActorSystem);
        Assert.StartsWith("ptys-", created.ActorSystem.Name);
        Assert.Equal(created.ActorSystem.Name, created.CloneActor.Path.Address.System);

        await using var attached = PtySystem.Attach(Sys);
        Assert.Same(Sys, attached.ActorSystem);
        Assert.Equal(Sys.Name, attached.CloneActor.Path.Address.System);

        Assert.Same(Sys, PtySystem.Get(Sys).ActorSystem);
    }
}
