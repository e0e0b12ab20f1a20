using Ptm.Actors.Cli.Bench;

namespace Ptm.Actors.Cli.Tests.Bench;

/// <summary>
/// The helpers that read process-wide counters (GC.GetTotalMemory, GC.GetTotalAllocatedBytes)
/// would also count other tests' allocations, so these tests run alone.
/// </summary>
[Collection(nameof(ProcessWideCounters))]
public class ProcessWideMeasurementTests
{
    [Fact]
    public void Retained_heap_per_object_is_close_to_the_object_size()
    {
        var perArray = RetainedHeap.BytesPerObject(20_000, _ => new byte[1_000]); // many, so stray heap activity elsewhere in the process averages out

        // 1,000 bytes of payload plus the array header; the heap reading is approximate.
        Assert.InRange(perArray, 1_000, 1_100);
    }

    [Fact]
    public async Task Process_wide_allocation_per_operation_counts_an_awaited_operation()
    {
        var perOperation = await AllocationMeter.BytesPerOperationProcessWideAsync(
            64, static size => { GC.KeepAlive(new byte[size]); return ValueTask.CompletedTask; }, 1_000);

        Assert.InRange(perOperation, 64, 200);
    }
}

[CollectionDefinition(nameof(ProcessWideCounters), DisableParallelization = true)]
public sealed class ProcessWideCounters;
