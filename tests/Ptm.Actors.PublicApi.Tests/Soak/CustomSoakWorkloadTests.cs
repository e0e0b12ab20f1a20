using System.Diagnostics;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.PublicApi.Tests.Soak;

/// <summary>
/// A host app soaks its own workload on our ptys through the public API alone (this project sees
/// no internals): the checker judges what the workload reports, and a byte the workload loses is
/// data_loss (PD14). Issue 16's "a test runs a custom workload through that API".
/// </summary>
public class CustomSoakWorkloadTests
{
    private static readonly SoakOptions Options = new() { Duration = TimeSpan.FromSeconds(30), Seed = 16 };

    [Fact]
    public async Task A_workload_that_reads_what_it_wrote_passes()
    {
        var result = await SoakRun.RunAsync(new OnePairWorkload(loseByteAt: null), Options);

        Assert.True(result.Passed, string.Join("; ", result.Violations.Select(v => $"{v.Kind}: {v.Detail}")));
        Assert.Empty(result.Violations);
        Assert.Equal(1, result.Sessions);
        Assert.Equal(3, result.Operations);
        Assert.Equal(0, result.FailedCalls);
        Assert.False(result.Interrupted);
        Assert.Equal(0, result.ViolationCounts["data_loss"]);
        Assert.True(result.LatencyMax >= result.LatencyP50);
    }

    [Fact]
    public async Task A_workload_that_loses_a_byte_is_reported_as_data_loss_in_its_session()
    {
        var result = await SoakRun.RunAsync(new OnePairWorkload(loseByteAt: 40), Options);

        Assert.False(result.Passed);
        var loss = Assert.Single(result.Violations);
        Assert.Equal("data_loss", loss.Kind);
        Assert.Equal(OnePairWorkload.Session, loss.Session);
        Assert.Contains("[40, 41)", loss.Detail);
        Assert.Equal(1, result.ViolationCounts["data_loss"]);
    }

    /// <summary>
    /// One pty pair: the manager writes the stream's PayloadPattern bytes, the subsidiary reads
    /// them, then the subsidiary closes, the manager reads its EOF (L13) and closes; the minor count is
    /// sampled while the pair is open and once it is gone. With
    /// loseByteAt it reports the bytes it read without that one, as a lossy transport would.
    /// </summary>
    private sealed class OnePairWorkload(int? loseByteAt) : ISoakWorkload
    {
        public const long Session = 1;
        private const int Length = 100;
        private long _callId;

        public async Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct)
        {
            await using var ptys = PtySystem.Create();
            var stream = new StreamKey(Session, Direction.ManagerToSubsidiary, Epoch: 1);
            await using var manager = await ptys.OpenManagerAsync(cancellationToken: ct);
            sink.Emit(new SessionStarted(Session, Minor: 0));
            sink.Emit(new MinorsAllocated(ptys.AllocatedMinors, Limit: 0));
            await manager.GrantAsync(ct);
            await manager.UnlockAsync(ct);
            await using var subsidiary = await manager.OpenSubsidiaryAsync(cancellationToken: ct);
            sink.Emit(new SubsidiaryOpened(Session, stream.Epoch));

            var payload = new byte[Length];
            PayloadPattern.Fill(stream, 0, payload);
            sink.Emit(new WriteStarted(stream, 0, Length));
            var written = await Call(sink, "write_m", () => manager.WriteAsync(payload, ct));
            sink.Emit(new Accepted(stream, 0, written));

            var read = new byte[Length];
            var count = 0;
            while (count < written) count += await Call(sink, "read", () => subsidiary.ReadAsync(read.AsMemory(count), ct));
            if (loseByteAt is { } lost)
            {
                sink.Emit(new Received(stream, read.AsMemory(0, lost)));
                sink.Emit(new Received(stream, read.AsMemory(lost + 1, count - lost - 1)));
            }
            else sink.Emit(new Received(stream, read.AsMemory(0, count)));

            sink.Emit(new SubsidiaryClosing(Session, stream.Epoch, SideEnd.Close));
            await subsidiary.DisposeAsync();
            sink.Emit(new SubsidiaryClosed(Session, stream.Epoch));
            Assert.Equal(0, await Call(sink, "read_m", () => manager.ReadAsync(read, ct))); // the subsidiary's last close: EOF (L13)
            sink.Emit(new EofSeen(Session, Side.Manager, stream.Epoch));
            sink.Emit(new ManagerClosing(Session, SideEnd.Close, Drains: true));
            await manager.DisposeAsync();
            sink.Emit(new ManagerClosed(Session, DrainExpired: false));
            sink.Emit(new SessionTornDown(Session));
            sink.Emit(new MinorsAllocated(ptys.AllocatedMinors, Limit: 0)); // the checker counts leaks from the last sample (L16)
        }

        private async Task<int> Call(ISoakEventSink sink, string operation, Func<Task<int>> call)
        {
            var id = ++_callId;
            sink.Emit(new CallStarted(Session, id, operation));
            var clock = Stopwatch.StartNew();
            var result = await call();
            sink.Emit(new CallCompleted(Session, id, clock.Elapsed, "ok"));
            return result;
        }
    }
}
