namespace Ptm.Actors.TestKit.Soak.Oracle;

/// <summary>
/// The lifecycle half of the checker: who owes whom an EOF (L13, once per subsidiary last close
/// while the manager lives) or a hang-up (L15, every subsidiary open when its manager's close
/// completes, PD3 included), and the tail discards the closes imply (L14, H3, PD13).
/// </summary>
internal sealed partial class InvariantChecker
{
    private void OnSubsidiaryClosing(SubsidiaryClosing e)
    {
        if (!TryEpoch(e.Session, e.Epoch, out var epoch)) return;
        if (epoch.Closing)
        {
            Violations.Record(ViolationKind.HarnessError, e.Session, $"epoch {e.Epoch} announced its last close twice");
            return;
        }
        var session = _sessions[e.Session];
        epoch.Closing = true;
        epoch.Terminal?.OnSubsidiaryClosing();
        epoch.ClosedBy = e.How;
        epoch.EofOwed = !session.ManagerClosing;
        if (epoch.SubsidiaryToManager.OpenWindows > 0) epoch.EofMayBeFlushed = true; // a flush in flight may meet the EOF
        // The reader goes: what it had not read is never read. Manager output still in ptm's queue
        // is held there (PD5), so no later epoch receives it either: its bytes carry this epoch's
        // pattern and would show as data_corrupted at a later reader.
        epoch.ManagerToSubsidiary.OnTailDiscard();
        // The subsidiary's own output all reaches the manager before the EOF, drained by a blocking
        // close (H3) or forwarded regardless of flow control (L12, D16), unless it crashed (PD13).
        if (e.How == SideEnd.Crash) epoch.SubsidiaryToManager.OnTailDiscard();
        // L15: an orderly close after the manager has gone comes after the workload saw the hang-up.
        if (e.How == SideEnd.Close && epoch.HangupOwed && !epoch.HangupSeen)
            Violations.Record(ViolationKind.HangupMissing, e.Session, $"subsidiary epoch {e.Epoch} was open when its manager closed but saw no hang-up before its own close (L15)");
    }

    private void OnSubsidiaryClosed(SubsidiaryClosed e)
    {
        if (!TryEpoch(e.Session, e.Epoch, out var epoch)) return;
        epoch.Closed = true;
        OweAfterSubsidiaryClosed(_sessions[e.Session], epoch);
    }

    private void OnManagerClosing(ManagerClosing e)
    {
        if (!TrySession(e.Session, out var session)) return;
        if (session.ManagerClosing)
        {
            Violations.Record(ViolationKind.HarnessError, e.Session, "manager close announced twice");
            return;
        }
        session.ManagerClosing = true;
        session.ManagerEnd = e.How;
        session.ManagerCloseDrains = e.Drains && e.How != SideEnd.Crash;
        foreach (var epoch in session.Epochs.Values)
        {
            // A non-blocking close (L14) or a crash (PD13): ptm's queued output dies at once. A
            // blocking close first drains it into the subsidiary (H3); whether its 15 s ran out
            // comes with ManagerClosed.
            if (!session.ManagerCloseDrains) epoch.ManagerToSubsidiary.OnTailDiscard();
            // L13: an orderly manager close comes after the workload drained the EOF of every finished epoch.
            if (e.How == SideEnd.Close && epoch.Closed && epoch.EofOwed && epoch.EofCount == 0)
                ReportMissingEof(session, epoch, "the manager closed without having read it");
        }
    }

    /// <summary>
    /// The EOF is a zero-length M_DATA in the manager's read queue, so a flush of that queue
    /// (FLUSHR there, D4, D5, D6) discards it like any queued data: a window on the epoch's
    /// subsidiary-to-manager stream once its last close has begun excuses a missing EOF.
    /// </summary>
    private void OnDiscardWindowOpened(DiscardWindowOpened e)
    {
        if (!TryStream(e.Stream, out var stream)) return;
        stream.OnWindowOpened(Violations);
        FlushWindowOnTerminal(e.Stream);
        if (e.Stream.Direction == Direction.SubsidiaryToManager &&
            _sessions.TryGetValue(e.Stream.Session, out var session) &&
            session.Epochs.TryGetValue(e.Stream.Epoch, out var epoch) && epoch.Closing)
            epoch.EofMayBeFlushed = true;
    }

    private void OnManagerClosed(ManagerClosed e)
    {
        if (!TrySession(e.Session, out var session)) return;
        session.ManagerClosed = true;
        OweEverything(session);
        foreach (var epoch in session.Epochs.Values)
        {
            if (!epoch.Closing) epoch.HangupOwed = true;
            if (!session.ManagerCloseDrains) continue;
            // H3: the drain ran its 15 s out; what was still queued then died with ptm's queue (L14).
            if (e.DrainExpired) epoch.ManagerToSubsidiary.OnTailDiscard();
            epoch.ManagerToSubsidiary.JudgeDeferred(Violations);
        }
    }

    private void OnHangupSeen(HangupSeen e)
    {
        if (!TryEpoch(e.Session, e.Epoch, out var epoch)) return;
        if (!_sessions[e.Session].ManagerClosing)
            Violations.Record(ViolationKind.HangupUnexpected, e.Session, $"subsidiary epoch {e.Epoch} saw a hang-up while its manager was open (L15)");
        epoch.HangupSeen = true;
    }

    private void OnEofSeen(EofSeen e)
    {
        if (!TrySession(e.Session, out var session)) return;
        if (!session.Epochs.TryGetValue(e.Epoch, out var epoch))
        {
            if (e.Epoch > session.LatestEpoch)
                Violations.Record(ViolationKind.EofNotOnce, e.Session, $"{e.Reader} read EOF for subsidiary epoch {e.Epoch}, which was never opened");
            else LateEvents++;
            return;
        }
        if (e.Reader == Side.Subsidiary)
        {
            // L15: a subsidiary reads 0 only once hung up, after draining what had arrived.
            if (!session.ManagerClosing)
                Violations.Record(ViolationKind.HangupUnexpected, e.Session, $"subsidiary epoch {e.Epoch} read EOF while its manager was open (L15)");
            epoch.HangupSeen = true;
            // A draining close sends the hang-up after what drained (H3, L14), possibly before the
            // close returns: until it does, nobody knows whether its 15 s ran out.
            if (session.ManagerCloseDrains && !session.ManagerClosed) epoch.ManagerToSubsidiary.DrainLater(Violations);
            else epoch.ManagerToSubsidiary.Drain(Violations);
            return;
        }
        CheckEarlierEofs(session, e.Epoch);
        if (!epoch.Closing)
            Violations.Record(ViolationKind.EofNotOnce, e.Session, $"the manager read EOF for subsidiary epoch {e.Epoch} before its last close began (L13)");
        epoch.EofCount++;
        if (epoch.EofCount == 2)
            Violations.Record(ViolationKind.EofNotOnce, e.Session, $"the manager read EOF twice for subsidiary epoch {e.Epoch} (L13: once per last close)");
        epoch.SubsidiaryToManager.Drain(Violations);
    }

    // L13: each last close's EOF reaches the manager after all that epoch's data and before any
    // later epoch's (the reopen waits for the close, R7). A crash's EOF comes by death-watch,
    // whose order against the next epoch's data the rules do not fix, so crashes are exempt.
    private void CheckEarlierEofs(SessionLedger session, int epochNumber)
    {
        foreach (var epoch in session.Epochs.Values)
            if (epoch.Epoch < epochNumber && epoch.EofOwed && epoch.EofCount == 0 && epoch.ClosedBy != SideEnd.Crash)
                ReportMissingEof(session, epoch, $"the manager read from epoch {epochNumber} first");
    }

    private void ReportMissingEof(SessionLedger session, EpochLedger epoch, string why)
    {
        if (epoch.EofMissingReported || epoch.EofMayBeFlushed) return;
        epoch.EofMissingReported = true;
        Violations.Record(ViolationKind.EofNotOnce, session.Session, $"subsidiary epoch {epoch.Epoch} ended while the manager lived but no EOF was read: {why} (L13)");
    }
}
