using Akka.Actor;
using Ptm.Actors.Pty;
using Ptm.Actors.TestKit.Deterministic;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// Requests no facade call builds, told straight to a side: the side still answers each one
/// (R9). A ptsname_r with a null buffer is refused EINVAL (C3) even past the facade's own check;
/// a request the side fails on is answered EIO before the failure goes on (PD13).
/// </summary>
public sealed class MalformedRequestTests
{
    [Fact]
    public void A_ptsname_request_with_a_null_buffer_that_reaches_the_manager_fails_einval()
    {
        using var pty = new DeterministicPty();
        var manager = pty.OpenManager();
        var file = pty.Posix.HandleOf(manager).File;
        var request = new PtsnameRequest(Credentials.Root, file, bufferLength: null);
        file.Side!.Tell(request, ActorRefs.NoSender);
        Assert.Equal(Errno.EINVAL, pty.Settle(request.Task, "ptsname_r with a null buffer").Errno);
        pty.CloseAllAndCheckClean(manager);
    }

    [Fact]
    public async Task A_request_the_side_fails_on_is_answered_eio_and_the_side_is_gone()
    {
        // Not a DeterministicPty: its Settle fails the test on the side's failure, which is the point here.
        var system = DeterministicPtys.Create(1);
        try
        {
            var opening = system.Posix.OpenManagerAsync();
            system.RunUntilIdle();
            var manager = (int)opening.Result.Value;
            var file = system.Posix.HandleOf(manager).File;
            var poisoned = new GrantRequest(null!, file); // grantpt reads its caller's uid: the side throws (a bug stand-in)
            file.Side!.Tell(poisoned, ActorRefs.NoSender);
            system.RunUntilIdle();

            Assert.True(poisoned.Task.IsCompleted, "the request the side failed on was never answered (PD13, R9)");
            Assert.Equal(Errno.EIO, poisoned.Task.Result.Errno);
            Assert.Equal(1, system.Statistics.UnexpectedFailures);
            var poll = system.Posix.PollAsync(manager); // PD13: the crashed side's descriptor reports an error
            system.RunUntilIdle();
            Assert.Equal((long)PollEvents.POLLERR, poll.Result.Value);
        }
        finally
        {
            await system.DisposeAsync();
        }
    }
}
