using Ptm.Actors.TestKit.Deterministic;

namespace Ptm.Actors.TestKit.Tests;

/// <summary>The identity of an interleaving: equal run orders share it, any change of order or entry changes it.</summary>
public class InterleavingFingerprintTests
{
    private static readonly string[] Order = ["ptys-1:OpenManagerRequest", "ptm-1-1:PollRequest", "ptys-1:Terminated"];

    [Fact]
    public void Equal_run_orders_have_equal_fingerprints()
    {
        Assert.Equal(Interleavings.Fingerprint(Order, 3), Interleavings.Fingerprint([.. Order], 3));
    }

    [Fact]
    public void Two_turns_swapped_give_another_fingerprint()
    {
        string[] swapped = [Order[1], Order[0], Order[2]];
        Assert.NotEqual(Interleavings.Fingerprint(Order, 3), Interleavings.Fingerprint(swapped, 3));
    }

    [Fact]
    public void Where_one_entry_ends_and_the_next_begins_counts()
    {
        Assert.NotEqual(Interleavings.Fingerprint(["ab", "c"], 2), Interleavings.Fingerprint(["a", "bc"], 2));
    }

    [Fact]
    public void Only_the_first_entries_asked_for_count()
    {
        string[] longer = [.. Order, "pts-1-2:CloseRequest"];
        Assert.Equal(Interleavings.Fingerprint(Order, 3), Interleavings.Fingerprint(longer, 3));
        Assert.NotEqual(Interleavings.Fingerprint(Order, 3), Interleavings.Fingerprint(longer, 4));
        Assert.Equal(Interleavings.Fingerprint(Order, 3), Interleavings.Fingerprint(Order, 99)); // past the end: the whole trace
    }

    [Fact]
    public void An_empty_trace_has_no_fingerprint()
    {
        Assert.Null(Interleavings.Fingerprint([], 0));
    }
}
