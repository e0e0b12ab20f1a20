using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.DataPath;

/// <summary>
/// PD14 on the ordinary dispatcher with real awaits: 10 MB in random-sized writes arrives
/// byte-exact, in order, through readers slower than the writers (random small reads).
/// </summary>
public class OrderingAndNoLossTests
{
    private const int Total = 10 * 1024 * 1024;

    private const string Bug = "BUG: SideActor.ResumeWriters re-entered via Advance -> PutDown -> Service dequeues a finished writer twice: the writing side's actor dies (Queue empty) and the reader sees EOF/EIO after a few KB (D15, PD14). Minimal repro: NonBlockingTests.D15_a_blocked_write_resumed_by_one_credit_completes_and_the_manager_survives.";

    [Fact]
    public async Task PD14_and_D13_10_MB_from_the_manager_arrive_byte_exact_on_a_slow_subsidiary_reader()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        await Transfer(manager, subsidiary, seed: 101);
    }

    [Fact]
    public async Task PD14_and_D13_10_MB_from_the_subsidiary_arrive_byte_exact_on_a_slow_manager_reader()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        await Transfer(subsidiary, manager, seed: 202);
    }

    [Fact]
    public async Task PD14_10_MB_each_way_at_the_same_time_arrive_byte_exact()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        await using var subsidiary = await manager.OpenSubsidiaryAsync();
        await Task.WhenAll(Transfer(manager, subsidiary, seed: 303), Transfer(subsidiary, manager, seed: 404));
    }

    /// <summary>
    /// A bound on one transfer, a safety net that turns a hang into a failure: a lost byte makes
    /// the reader wait for it for ever, and, since it keeps its room in the credit window, may
    /// hold the writer for ever too. A transfer takes a few seconds even on a loaded machine.
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private static async Task Transfer(PtyHandle writer, PtyHandle reader, int seed)
    {
        var data = Bytes.Pattern(Total, seed);
        var written = 0;
        var writing = Task.Run(async () =>
        {
            var random = new Random(seed + 1);
            while (written < data.Length)
            {
                var size = Math.Min(random.Next(1, 9000), data.Length - written);
                var accepted = await writer.WriteAsync(data.AsMemory(written, size));
                Assert.Equal(size, accepted); // a blocking write returns only once all of it is accepted
                Volatile.Write(ref written, written + size);
            }
        });
        var received = new byte[Total];
        var got = 0;
        var reading = Task.Run(async () =>
        {
            var readRandom = new Random(seed + 2);
            while (got < Total)
            {
                var size = Math.Min(readRandom.Next(1, 700), Total - got);
                var n = await reader.ReadAsync(received.AsMemory(got, size));
                Assert.True(n > 0, $"unexpected end of file after {got} bytes");
                Volatile.Write(ref got, got + n);
            }
        });
        try
        {
            await Task.WhenAll(writing, reading).WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no end after {Bound.TotalMinutes} minutes: {Volatile.Read(ref written)} bytes written, {Volatile.Read(ref got)} of {Total} read " +
                        "(a lost byte holds the reader, and its credit the writer: D13, PD14)");
        }
        Assert.True(data.AsSpan().SequenceEqual(received), $"first difference at {data.AsSpan().CommonPrefixLength(received)}");
    }
}
