using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules;

/// <summary>The module actors and their stack (M4.1, M4.2), shown with a probe module that only passes messages on and counts them.</summary>
public class ModuleStackTests
{
    static ModuleStackTests()
    {
        ModuleRegistry.Register("probe", () => new ProbeModule());
        ModuleRegistry.Register("upper", () => new UpperModule());
    }

    [Fact]
    public void Push_puts_the_module_under_the_head_and_I_LIST_names_it_above_the_driver()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        Assert.Equal(0, pty.Ok(pty.Posix.PushAsync(s, "probe")));
        Assert.Equal(0, pty.Ok(pty.Posix.PushAsync(s, "upper")));
        Assert.Equal("upper probe pts", pty.Settle(pty.Posix.ListAsync(s)).Text);
        Assert.Equal("ptm", pty.Settle(pty.Posix.ListAsync(m)).Text);
        Assert.Equal(1, pty.Ok(pty.Posix.FindAsync(s, "probe")));
        Assert.Equal(0, pty.Ok(pty.Posix.FindAsync(m, "probe")));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void Data_passes_through_pushed_modules_both_ways_in_order()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "probe"));
        pty.Ok(pty.Posix.PushAsync(s, "upper"));
        pty.Write(m, "hello");
        Assert.Equal("HELLO", pty.ReadText(s));
        pty.Write(s, "world");
        Assert.Equal("WORLD", pty.ReadText(m));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void Pop_removes_the_topmost_module_and_data_flows_directly_again()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "probe"));
        pty.Ok(pty.Posix.PushAsync(s, "upper"));
        pty.Ok(pty.Posix.PopAsync(s));
        Assert.Equal("probe pts", pty.Settle(pty.Posix.ListAsync(s)).Text);
        pty.Write(m, "abc");
        Assert.Equal("abc", pty.ReadText(s));
        pty.Ok(pty.Posix.PopAsync(s));
        pty.Fails(Errno.EINVAL, pty.Posix.PopAsync(s)); // M4.2: nothing to pop
        pty.Write(s, "def");
        Assert.Equal("def", pty.ReadText(m));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void Push_of_an_unknown_module_or_a_tenth_fails_einval()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Fails(Errno.EINVAL, pty.Posix.PushAsync(s, "nosuch"));
        pty.Fails(Errno.EINVAL, pty.Posix.FindAsync(s, "nosuch"));
        for (var i = 0; i < ModuleRegistry.MaxPushed; i++) pty.Ok(pty.Posix.PushAsync(s, "probe"));
        pty.Fails(Errno.EINVAL, pty.Posix.PushAsync(s, "probe"));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_writer_faster_than_its_reader_is_held_through_the_modules()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Ok(pty.Posix.PushAsync(s, "probe"));
        pty.Ok(pty.Posix.PushAsync(s, "probe"));
        var accepted = pty.Fill(m, 'x', 64 * 1024);
        Assert.InRange(accepted, 2048, 16 * 1024); // bounded: head, two modules, pts's backlog and ptm's queue
        Assert.Equal(accepted, pty.Drain(s).Length);
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void Last_close_pops_the_modules_and_the_manager_still_reads_end_of_file_after_the_data()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "probe"));
        pty.Write(s, "bye");
        pty.Close(s);
        Assert.Equal("bye", pty.ReadText(m));
        Assert.Empty(pty.Read(m));
        pty.CloseAllAndCheckClean(m);
    }

    [Fact]
    public void Push_on_a_hung_up_stream_fails_enxio()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Close(m);
        pty.Fails(Errno.ENXIO, pty.Posix.PushAsync(s, "probe"));
        pty.CloseAllAndCheckClean(s);
    }

    [Fact]
    public void A_flush_from_below_empties_the_module_read_queue_it_names()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Ok(pty.Posix.PushAsync(s, "probe"));
        pty.Fill(m, 'x', 4096); // the head's read queue is full, so data also waits in the probe's read queue
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHW)); // reaches the subsidiary as FLUSHR (D4): every queue on the read side empties
        Assert.Null(pty.ReadNow(s));
        pty.Write(m, "after");
        Assert.Equal("after", pty.ReadText(s));
        pty.CloseAllAndCheckClean(m, s);
    }

    private sealed class ProbeModule : StreamModule
    {
        public override string Name => "probe";
        public override void WritePut(StreamMessage message, IModuleContext context) => context.PutDown(message);
        public override void ReadPut(StreamMessage message, IModuleContext context) => context.PutUp(message);
    }

    /// <summary>Upper-cases data both ways, so a test sees that the module really ran.</summary>
    private sealed class UpperModule : StreamModule
    {
        public override string Name => "upper";
        public override void WritePut(StreamMessage message, IModuleContext context) => context.PutDown(Upper(message));
        public override void ReadPut(StreamMessage message, IModuleContext context) => context.PutUp(Upper(message));

        private static StreamMessage Upper(StreamMessage message) =>
            message is DataMessage data ? new DataMessage(System.Text.Encoding.ASCII.GetBytes(System.Text.Encoding.ASCII.GetString(data.Bytes.Span).ToUpperInvariant())) : message;
    }
}
