using static Ptm.Actors.TestKit.Tests.Soak.TraceBuilder;
using Ptm.Actors.TestKit.Soak;

namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>PD14: what a reader receives is exactly what was accepted, in order, with gaps only where a documented discard happened.</summary>
public class DataInvariantTests
{
    private static TraceBuilder Started() => new TraceBuilder().Minors(0).Session(1).Minors(1).Open(1, 1);

    private static TraceBuilder Finished(TraceBuilder trace) =>
        trace.CloseSubsidiaryAndReadEof(1, 1).CloseManager(1).TearDown(1).Minors(0);

    [Fact]
    public void A_complete_exchange_in_both_directions_is_clean()
    {
        var trace = Started()
            .Write(M2S(1, 1), 700).Read(M2S(1, 1), 0, 512).Read(M2S(1, 1), 512, 188)
            .Write(S2M(1, 1), 3000).Read(S2M(1, 1), 0, 1).Read(S2M(1, 1), 1, 2047).Read(S2M(1, 1), 2048, 952);
        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void A_gap_that_later_bytes_jump_over_is_data_loss()
    {
        var trace = Started().Write(S2M(1, 1), 300).Read(S2M(1, 1), 0, 100).Read(S2M(1, 1), 200, 100);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("[100, 200)", first.Detail);
        Assert.Equal(1, first.Session);
    }

    [Fact]
    public void Accepted_bytes_missing_at_the_managers_end_of_file_are_data_loss()
    {
        var trace = Started().Write(S2M(1, 1), 300).Read(S2M(1, 1), 0, 120);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("[120, 300)", first.Detail);
    }

    [Fact]
    public void Bytes_that_arrive_twice_are_data_duplicated()
    {
        var trace = Started().Write(M2S(1, 1), 200).Read(M2S(1, 1), 0, 150).Read(M2S(1, 1), 100, 100);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataDuplicated);
        Assert.Contains("[100, 150)", first.Detail);
    }

    [Fact]
    public void Bytes_that_arrive_after_later_bytes_are_data_reordered_not_lost()
    {
        var trace = Started().Write(M2S(1, 1), 300)
            .Read(M2S(1, 1), 0, 100).Read(M2S(1, 1), 200, 100).Read(M2S(1, 1), 100, 100);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataReordered);
        Assert.Contains("[100, 200)", first.Detail);
    }

    [Fact]
    public void A_short_chunk_arriving_late_is_found_in_its_hole()
    {
        var trace = Started().Write(M2S(1, 1), 300)
            .Read(M2S(1, 1), 0, 100).Read(M2S(1, 1), 110, 190).Read(M2S(1, 1), 100, 4).Read(M2S(1, 1), 104, 6);
        Check.Only(Check.Run(Finished(trace)), ViolationKind.DataReordered);
    }

    [Fact]
    public void A_flipped_byte_is_data_corrupted()
    {
        var bytes = Bytes(M2S(1, 1), 0, 64);
        bytes[40] ^= 0x5A;
        var trace = Started().Write(M2S(1, 1), 64).Add(new Received(M2S(1, 1), bytes));
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataCorrupted);
        Assert.Contains("match no position", first.Detail);
    }

    [Fact]
    public void Bytes_beyond_what_was_written_are_data_corrupted()
    {
        var trace = Started().Write(M2S(1, 1), 10).Read(M2S(1, 1), 0, 20);
        Check.Only(Check.Run(Finished(trace)), ViolationKind.DataCorrupted);
    }

    [Fact]
    public void Bytes_may_arrive_before_their_write_returns_but_not_before_it_starts()
    {
        var trace = Started()
            .Add(new WriteStarted(M2S(1, 1), 0, 100)).Read(M2S(1, 1), 0, 100).Add(new Accepted(M2S(1, 1), 0, 100));
        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void Manager_output_held_for_an_earlier_epoch_reaching_a_later_subsidiary_is_data_corrupted_PD5()
    {
        var trace = Started().Write(M2S(1, 1), 200).Read(M2S(1, 1), 0, 50)
            .CloseSubsidiaryAndReadEof(1, 1).Open(1, 2)
            .Write(M2S(1, 2), 100)
            .Add(new Received(M2S(1, 2), Bytes(M2S(1, 1), 50, 100)));
        trace.CloseSubsidiaryAndReadEof(1, 2).CloseManager(1).TearDown(1).Minors(0);
        var first = Check.Only(Check.Run(trace), ViolationKind.DataCorrupted);
        Assert.Contains("offset 50 of session 1 m->s epoch 1", first.Detail);
    }

    [Fact]
    public void Another_sessions_bytes_are_data_corrupted()
    {
        var trace = Started().Session(2, minor: 2).Minors(2).Open(2, 1)
            .Write(M2S(1, 1), 100).Write(M2S(2, 1), 100)
            .Add(new Received(M2S(1, 1), Bytes(M2S(2, 1), 0, 100)));
        trace.CloseSubsidiaryAndReadEof(2, 1).CloseManager(2).TearDown(2);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataCorrupted);
        Assert.Contains("session 2", first.Detail);
    }

    [Fact]
    public void Every_documented_discard_kind_excuses_exactly_its_bytes()
    {
        var trace = new TraceBuilder().Minors(0).Session(1).Session(2, minor: 2).Minors(2).Open(1, 1).Open(2, 1);

        // D4, D5, D6 flush: a manager FLUSHW may drop anything in flight m->s while its window is open.
        trace.Write(M2S(1, 1), 1000).Read(M2S(1, 1), 0, 100)
            .Add(new DiscardWindowOpened(M2S(1, 1), DiscardReason.Flush))
            .Read(M2S(1, 1), 600, 50)
            .Add(new DiscardWindowClosed(M2S(1, 1), DiscardReason.Flush))
            .Read(M2S(1, 1), 900, 100) // a gap below the window's cover, after it closed
            .Write(M2S(1, 1), 200).Read(M2S(1, 1), 1000, 200);

        // PD5: manager output still queued at the subsidiary's last close stays held in ptm's queue:
        // the gone reader never gets it, and neither does the next epoch's.
        trace.Write(M2S(1, 1), 300).Read(M2S(1, 1), 1200, 10)
            .CloseSubsidiaryAndReadEof(1, 1).Open(1, 2)
            .Write(M2S(1, 2), 100).Read(M2S(1, 2), 0, 100);

        // PD13 crash of the subsidiary: what its write queue held is gone; the manager reads EOF once.
        trace.Write(S2M(1, 2), 800).Read(S2M(1, 2), 0, 300)
            .CloseSubsidiaryAndReadEof(1, 2, SideEnd.Crash).Open(1, 3);

        // L14 non-blocking manager close: its queued output is discarded at once; the subsidiary drains what arrived, sees the hang-up, reads EOF.
        trace.Write(M2S(1, 3), 900).Read(M2S(1, 3), 0, 400)
            .CloseManager(1)
            .Read(M2S(1, 3), 400, 100)
            .Add(new HangupSeen(1, 3)).Add(new EofSeen(1, Side.Subsidiary, 3))
            .Add(new SubsidiaryClosing(1, 3, SideEnd.Close)).Add(new SubsidiaryClosed(1, 3)).TearDown(1);

        // PD13 crash of the manager: as a close, the subsidiary is hung up.
        trace.Write(M2S(2, 1), 500).Read(M2S(2, 1), 0, 64)
            .CloseManager(2, SideEnd.Crash)
            .Add(new HangupSeen(2, 1)).Add(new EofSeen(2, Side.Subsidiary, 1))
            .Add(new SubsidiaryClosing(2, 1, SideEnd.Close)).Add(new SubsidiaryClosed(2, 1)).TearDown(2).Minors(0);

        Check.Clean(Check.Run(trace));
    }

    [Fact]
    public void A_closed_flush_window_does_not_excuse_bytes_written_after_it()
    {
        var trace = Started().Write(M2S(1, 1), 100)
            .Add(new DiscardWindowOpened(M2S(1, 1), DiscardReason.Flush))
            .Add(new DiscardWindowClosed(M2S(1, 1), DiscardReason.Flush))
            .Write(M2S(1, 1), 100).Read(M2S(1, 1), 0, 10).Read(M2S(1, 1), 150, 50);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("[100, 150)", first.Detail);
    }

    [Fact]
    public void A_non_blocking_manager_close_excuses_a_missing_tail_but_not_a_gap_in_the_middle()
    {
        var trace = Started().Write(M2S(1, 1), 500).Read(M2S(1, 1), 0, 100)
            .CloseManager(1)
            .Read(M2S(1, 1), 200, 100)
            .Add(new HangupSeen(1, 1)).Add(new EofSeen(1, Side.Subsidiary, 1))
            .Add(new SubsidiaryClosing(1, 1, SideEnd.Close)).TearDown(1).Minors(0);
        var first = Check.Only(Check.Run(trace), ViolationKind.DataLoss);
        Assert.Contains("[100, 200)", first.Detail);
    }

    [Fact]
    public void An_orderly_subsidiary_close_drops_nothing_it_wrote()
    {
        // L12/D16: the subsidiary's queued output is forwarded before the EOF.
        var trace = Started().Write(S2M(1, 1), 500).Read(S2M(1, 1), 0, 100);
        Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
    }

    [Fact]
    public void Bytes_after_the_end_of_file_are_out_of_order()
    {
        var trace = Started().Write(S2M(1, 1), 100).Read(S2M(1, 1), 0, 50)
            .Add(new SubsidiaryClosing(1, 1, SideEnd.Crash)).Add(new SubsidiaryClosed(1, 1)).Add(new EofSeen(1, Side.Manager, 1))
            .Read(S2M(1, 1), 50, 50)
            .CloseManager(1).TearDown(1).Minors(0);
        Check.Only(Check.Run(trace), ViolationKind.DataReordered);
    }
}
