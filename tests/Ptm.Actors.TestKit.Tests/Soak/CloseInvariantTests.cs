using static Ptm.Actors.TestKit.Tests.Soak.TraceBuilder;
using Ptm.Actors.TestKit.Soak;

namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// What the closes may and may not lose: a blocking close drains first (H3), a subsidiary's
/// last close delivers all it accepted (L12, D16), and manager output held at that close stays
/// held (PD5) and never reaches a later subsidiary.
/// </summary>
public class CloseInvariantTests
{
    private static TraceBuilder Started() => new TraceBuilder().Minors(0).Session(1).Minors(1).Open(1, 1);

    // The subsidiary after its manager's close: the hang-up, then its EOF (L15).
    private static TraceBuilder HungUpAndDrained(TraceBuilder trace, int epoch = 1) =>
        trace.Add(new HangupSeen(1, epoch)).Add(new EofSeen(1, Side.Subsidiary, epoch));

    private static TraceBuilder Finished(TraceBuilder trace, int epoch = 1) =>
        trace.Add(new SubsidiaryClosing(1, epoch, SideEnd.Close)).Add(new SubsidiaryClosed(1, epoch)).TearDown(1).Minors(0);

    [Fact]
    public void A_blocking_manager_close_delivers_what_it_drained_before_the_hang_up()
    {
        // H3: the subsidiary reads the rest while the close waits, then the hang-up (L14, L15).
        var trace = Started().Write(M2S(1, 1), 900).Read(M2S(1, 1), 0, 400)
            .Add(new ManagerClosing(1, SideEnd.Close, Drains: true))
            .Read(M2S(1, 1), 400, 500);
        HungUpAndDrained(trace).Add(new ManagerClosed(1, DrainExpired: false));
        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void A_blocking_manager_close_that_returned_within_its_15_seconds_but_dropped_the_tail_is_data_loss()
    {
        // H3: a drain that ended before its time ran out emptied ptm's queue into the subsidiary.
        var trace = Started().Write(M2S(1, 1), 900).Read(M2S(1, 1), 0, 400)
            .Add(new ManagerClosing(1, SideEnd.Close, Drains: true));
        HungUpAndDrained(trace).Add(new ManagerClosed(1, DrainExpired: false));
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("[400, 900)", first.Detail);
    }

    [Fact]
    public void A_blocking_manager_close_judged_after_it_returned_still_finds_the_lost_tail()
    {
        var trace = Started().Write(M2S(1, 1), 900).Read(M2S(1, 1), 0, 400)
            .CloseManager(1, drains: true);
        HungUpAndDrained(trace);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("[400, 900)", first.Detail);
    }

    [Fact]
    public void A_blocking_manager_close_whose_15_seconds_ran_out_may_drop_the_tail()
    {
        // H3 then L14: what had not drained when the time ran out died with ptm's queue.
        var trace = Started().Write(M2S(1, 1), 900).Read(M2S(1, 1), 0, 400)
            .Add(new ManagerClosing(1, SideEnd.Close, Drains: true));
        HungUpAndDrained(trace).Add(new ManagerClosed(1, DrainExpired: true));
        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void A_blocking_manager_close_whose_15_seconds_ran_out_still_may_not_lose_bytes_in_the_middle()
    {
        var trace = Started().Write(M2S(1, 1), 900).Read(M2S(1, 1), 0, 100)
            .Add(new ManagerClosing(1, SideEnd.Close, Drains: true))
            .Read(M2S(1, 1), 300, 100);
        HungUpAndDrained(trace).Add(new ManagerClosed(1, DrainExpired: true));
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("[100, 300)", first.Detail);
    }

    [Fact]
    public void A_non_blocking_manager_close_may_drop_its_queued_output_at_once()
    {
        // L14: no drain; the hang-up follows what had already reached the subsidiary.
        var trace = Started().Write(M2S(1, 1), 900).Read(M2S(1, 1), 0, 400)
            .Add(new ManagerClosing(1, SideEnd.Close, Drains: false));
        HungUpAndDrained(trace).Add(new ManagerClosed(1, DrainExpired: false));
        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void Output_held_at_the_subsidiarys_last_close_never_reaching_anyone_is_no_loss()
    {
        // PD5: ptm keeps it; the manager reads its EOF (L13), and a write blocked behind it returns
        // only once a FLUSHW resumes it (its next packet meets no subsidiary, D9, PD4: full count).
        var trace = Started().Write(M2S(1, 1), 1000).Read(M2S(1, 1), 0, 300)
            .Add(new WriteStarted(M2S(1, 1), 1000, 4000))
            .CloseSubsidiaryAndReadEof(1, 1)
            .Add(new DiscardWindowOpened(M2S(1, 1), DiscardReason.Flush))
            .Add(new Accepted(M2S(1, 1), 1000, 4000))
            .Add(new DiscardWindowClosed(M2S(1, 1), DiscardReason.Flush))
            .CloseManager(1, drains: true).TearDown(1).Minors(0);
        Check.Clean(Check.Run(trace));
    }

    [Fact]
    public void A_new_subsidiary_receives_only_its_own_epochs_bytes_while_older_output_stays_held()
    {
        // PD5: a reopen enables nothing, so the new epoch's writes queue behind the held output
        // until a manager FLUSHW discards both (D4); what is written after that arrives.
        var trace = Started().Write(M2S(1, 1), 1000).Read(M2S(1, 1), 0, 300)
            .CloseSubsidiaryAndReadEof(1, 1).Open(1, 2)
            .Write(M2S(1, 2), 200)
            .Add(new DiscardWindowOpened(M2S(1, 2), DiscardReason.Flush))
            .Add(new DiscardWindowClosed(M2S(1, 2), DiscardReason.Flush))
            .Write(M2S(1, 2), 300).Read(M2S(1, 2), 200, 300)
            .CloseManager(1, drains: true);
        HungUpAndDrained(trace, epoch: 2);
        Check.Clean(Check.Run(Finished(trace, epoch: 2)));
    }

    [Fact]
    public void Held_output_of_an_earlier_epoch_reaching_a_new_subsidiary_is_data_corrupted_even_during_a_flush()
    {
        // PD5: a flush window excuses missing bytes of its own stream, never another epoch's bytes.
        var trace = Started().Write(M2S(1, 1), 1000).Read(M2S(1, 1), 0, 300)
            .CloseSubsidiaryAndReadEof(1, 1).Open(1, 2)
            .Write(M2S(1, 2), 200)
            .Add(new DiscardWindowOpened(M2S(1, 2), DiscardReason.Flush))
            .Add(new Received(M2S(1, 2), Bytes(M2S(1, 1), 300, 512)))
            .Add(new DiscardWindowClosed(M2S(1, 2), DiscardReason.Flush))
            .CloseManager(1, drains: true);
        HungUpAndDrained(trace, epoch: 2);
        var first = Check.Only(Check.Run(Finished(trace, epoch: 2)), ViolationKind.DataCorrupted);
        Assert.Contains("offset 300 of session 1 m->s epoch 1", first.Detail);
    }

    [Fact]
    public void An_abrupt_subsidiary_close_delivers_everything_it_accepted()
    {
        // L12, D16: what the drain left is forwarded regardless of flow control, then the EOF.
        var trace = Started().Write(S2M(1, 1), 5000).Read(S2M(1, 1), 0, 2048)
            .Add(new SubsidiaryClosing(1, 1, SideEnd.AbruptClose))
            .Read(S2M(1, 1), 2048, 2952)
            .Add(new SubsidiaryClosed(1, 1)).Add(new EofSeen(1, Side.Manager, 1))
            .CloseManager(1, drains: true).TearDown(1).Minors(0);
        Check.Clean(Check.Run(trace));
    }

    [Fact]
    public void An_abrupt_subsidiary_close_that_delivered_less_than_it_accepted_is_data_loss()
    {
        var trace = Started().Write(S2M(1, 1), 5000).Read(S2M(1, 1), 0, 2048)
            .Add(new SubsidiaryClosing(1, 1, SideEnd.AbruptClose))
            .Add(new SubsidiaryClosed(1, 1)).Add(new EofSeen(1, Side.Manager, 1))
            .CloseManager(1, drains: true).TearDown(1).Minors(0);
        var first = Check.Only(Check.Run(trace), ViolationKind.DataLoss);
        Assert.Contains("[2048, 5000)", first.Detail);
    }
}
