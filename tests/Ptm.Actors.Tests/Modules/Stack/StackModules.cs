using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules.Stack;

/// <summary>
/// Test-only modules for the stack's own rules (M4.1, M4.2), registered under names no other
/// test uses: one that passes everything on untouched, and one whose open routine refuses.
/// </summary>
internal static class StackModules
{
    /// <summary>Passes every message on, both ways: only the stack's plumbing is at work.</summary>
    public const string Pass = "stack-pass";

    /// <summary>Its open routine fails ENOMEM, as a qopen that cannot allocate does.</summary>
    public const string Refusing = "stack-refusing";

    static StackModules()
    {
        ModuleRegistry.Register(Pass, () => new PassModule());
        ModuleRegistry.Register(Refusing, () => new RefusingModule());
    }

    /// <summary>Pushes <paramref name="name"/> on <paramref name="fd"/> and checks that I_PUSH succeeded.</summary>
    public static void Push(DeterministicPty pty, int fd, string name) =>
        Assert.Equal(0, pty.Ok(pty.Posix.PushAsync(fd, name), "I_PUSH " + name));

    /// <summary>
    /// Writes <paramref name="size"/>-byte blocks on a non-blocking descriptor until flow control
    /// refuses one (EAGAIN); fails instead of looping for ever if <paramref name="limit"/> bytes
    /// go in first. Returns the bytes accepted.
    /// </summary>
    public static int FillAtMost(DeterministicPty pty, int fd, int limit, int size = 512, char fill = 'x')
    {
        var accepted = 0;
        while (pty.Settle(pty.Posix.WriteAsync(fd, Bytes.Repeat(fill, size))) is { IsOk: true } result)
        {
            accepted += (int)result.Value;
            Assert.True(accepted <= limit, pty.At($"{accepted} bytes written and flow control has not held the writer yet (D14)"));
        }
        return accepted;
    }

    private sealed class PassModule : StreamModule
    {
        public override string Name => Pass;
        public override void WritePut(StreamMessage message, IModuleContext context) => context.PutDown(message);
        public override void ReadPut(StreamMessage message, IModuleContext context) => context.PutUp(message);
    }

    private sealed class RefusingModule : StreamModule
    {
        public override string Name => Refusing;
        public override Errno Open(IModuleContext context) => Errno.ENOMEM;
        public override void WritePut(StreamMessage message, IModuleContext context) => context.PutDown(message);
        public override void ReadPut(StreamMessage message, IModuleContext context) => context.PutUp(message);
    }
}
