using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Races;
using Ptm.Actors.Tests.Support;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Modules.Stack;

/// <summary>
/// I_POP racing traffic both ways (M4.2, D13): while a pop is under way the stream is frozen
/// around the module, as strpop holds the plumbing lock, and what waited moves on in order once
/// it is gone. Swept over seeds, so every message can land before, during and after the pop.
/// </summary>
public sealed class PopRaceTests(ITestOutputHelper output)
{
    private const int Seeds = 300;
    private static readonly string[] Chunks = ["a1", "b2", "c3", "d4", "e5", "f6"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Manager_output_racing_a_pop_reaches_the_subsidiary_whole_and_in_order(int modules)
    {
        SeedSweep.Run(output, $"pop of 1 of {modules} racing manager output", pty =>
        {
            var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
            for (var i = 0; i < modules; i++) StackModules.Push(pty, s, StackModules.Pass);
            pty.BeginRace();
            var pop = pty.Posix.PopAsync(s);
            var writes = Chunks.Select(chunk => pty.StartWrite(m, chunk)).ToList();
            pty.Settle();
            Assert.True(pty.Done(pop, "I_POP").IsOk, pty.At("I_POP failed"));
            foreach (var write in writes) Assert.True(pty.Done(write, "write").IsOk, pty.At("a write failed"));
            Assert.Equal(string.Concat(Chunks), Bytes.Text(pty.Drain(s))); // nothing lost to the popped module, nothing overtaken
            pty.CloseAllAndCheckClean(m, s);
        }, Seeds);
    }

    [Fact]
    public void Flushes_and_output_of_the_subsidiary_racing_a_pop_all_take_effect_in_order()
    {
        SeedSweep.Run(output, "pop racing the subsidiary's flushes and output", pty =>
        {
            var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
            StackModules.Push(pty, s, StackModules.Pass);
            var writer = pty.OpenSubsidiary(pty.PathOf(m)); // blocking: during the pop the head holds the write (EAGAIN if non-blocking)
            pty.Write(m, "unread");
            pty.Settle();
            pty.BeginRace();
            var pop = pty.Posix.PopAsync(s);
            var flushRead = pty.Posix.DiscardAsync(s, FlushFlags.FLUSHR); // turned round by pts: empties the subsidiary's read side (D5)
            var flushWrite = pty.Posix.DiscardAsync(s, FlushFlags.FLUSHW);
            var write = pty.StartWrite(writer, "late");
            pty.Settle();
            foreach (var (call, what) in new[] { (pop, "I_POP"), (flushRead, "FLUSHR"), (flushWrite, "FLUSHW"), (write, "write") })
                Assert.True(pty.Done(call, what).IsOk, pty.At($"{what} failed {call.Result.Errno}"));
            Assert.Null(pty.ReadNow(s)); // the FLUSHR reached the read side, wherever the pop was
            Assert.Equal("late", Bytes.Text(pty.Drain(m))); // the write, held during the pop, went on after it
            pty.CloseAllAndCheckClean(m, s, writer);
        }, Seeds);
    }
}
