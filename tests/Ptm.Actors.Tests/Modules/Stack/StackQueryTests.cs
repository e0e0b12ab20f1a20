using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules.Stack;

/// <summary>I_FIND and a refused I_PUSH (M4.2): the stack answers for the module it was asked about, and a push the module refuses leaves the stack as it was.</summary>
public class StackQueryTests
{
    [Fact]
    public void I_FIND_answers_0_for_a_known_module_that_is_not_pushed_even_when_another_is()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        StackModules.Push(pty, s, "ptem");
        Assert.Equal(0, pty.Ok(pty.Posix.FindAsync(s, "ldterm"), "I_FIND ldterm")); // M4.2: 0, the name is known but not on this stream
        Assert.Equal(1, pty.Ok(pty.Posix.FindAsync(s, "ptem"), "I_FIND ptem"));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_push_whose_open_routine_refuses_fails_with_its_error_and_leaves_the_stack_as_it_was()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        StackModules.Push(pty, s, "ptem");
        pty.Fails(Errno.ENOMEM, pty.Posix.PushAsync(s, StackModules.Refusing)); // qopen's error is I_PUSH's (M4.2)
        Assert.Equal("ptem pts", pty.Settle(pty.Posix.ListAsync(s)).Text);
        pty.Write(m, "still through ptem");
        Assert.Equal("still through ptem", pty.ReadText(s));
        pty.CloseAllAndCheckClean(m, s);
    }
}
