using Ptm.Actors.Tests.Races;
using Ptm.Actors.Tests.Support;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Modules.Stack;

/// <summary>
/// The last close racing an I_PUSH or I_POP of the same stream (M4.2, H3, R9): the push or pop
/// under way finishes first, then the close pops what is left, top first; every call is answered
/// and nothing waits for a timer. Swept over seeds, so the close lands before, during and after.
/// </summary>
public sealed class CloseRacingPushAndPopTests(ITestOutputHelper output)
{
    private const int Seeds = 300;

    [Fact]
    public void A_last_close_racing_a_push_finishes_without_waiting_for_any_timer()
    {
        SeedSweep.Run(output, "last close racing I_PUSH", pty =>
        {
            var (m, s) = pty.OpenPair();
            StackModules.Push(pty, s, StackModules.Pass);
            pty.BeginRace();
            var push = pty.Posix.PushAsync(s, StackModules.Pass);
            var close = pty.Posix.CloseAsync(s);
            pty.Settle();
            pty.Done(push, "I_PUSH"); // answered, whatever it says once its descriptor is closing
            Assert.True(pty.Done(close, "the last close").IsOk, pty.At("the close failed"));
            Assert.Empty(pty.Read(m)); // L12: the subsidiary is gone
            pty.CloseAllAndCheckClean(m);
        }, Seeds);
    }

    [Fact]
    public void A_last_close_racing_a_pop_finishes_without_waiting_for_any_timer()
    {
        SeedSweep.Run(output, "last close racing I_POP", pty =>
        {
            var (m, s) = pty.OpenPair();
            StackModules.Push(pty, s, StackModules.Pass);
            StackModules.Push(pty, s, StackModules.Pass);
            pty.BeginRace();
            var pop = pty.Posix.PopAsync(s);
            var close = pty.Posix.CloseAsync(s);
            pty.Settle();
            pty.Done(pop, "I_POP");
            Assert.True(pty.Done(close, "the last close").IsOk, pty.At("the close failed"));
            Assert.Empty(pty.Read(m));
            pty.CloseAllAndCheckClean(m);
        }, Seeds);
    }
}
