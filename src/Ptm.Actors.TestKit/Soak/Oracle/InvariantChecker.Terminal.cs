namespace Ptm.Actors.TestKit.Soak.Oracle;

/// <summary>
/// The terminal half of the checker: an epoch whose subsidiary has ptem and ldterm pushed is
/// judged by its TerminalLedger (what the line discipline must make of each write, M1, M3)
/// instead of the byte-exact StreamLedger, whose PD14 assumption (bytes arrive unchanged)
/// the modules break on purpose. The lifecycle checks (L13 EOF, L15 hang-up, R9, L16) apply as
/// to any epoch.
/// </summary>
internal sealed partial class InvariantChecker
{
    private void OnTerminalEvent(TerminalEvent e)
    {
        if (!TryEpoch(e.Session, e.Epoch, out var epoch)) return;
        if (e is ModulesPushed)
        {
            if (epoch.Terminal is not null || epoch.ManagerToSubsidiary.StartedEnd > 0 || epoch.SubsidiaryToManager.StartedEnd > 0)
                Violations.Record(ViolationKind.HarnessError, e.Session, $"epoch {e.Epoch} became a terminal epoch twice, or after pattern data was written");
            epoch.Terminal ??= new TerminalLedger(e.Session, e.Epoch);
            return;
        }
        if (epoch.Terminal is not { } terminal)
        {
            Violations.Record(ViolationKind.HarnessError, e.Session, $"{e.GetType().Name} for epoch {e.Epoch}, which has no modules pushed");
            return;
        }
        terminal.Observe(e, _sessions[e.Session].ManagerClosing, Violations);
    }

    /// <summary>Bytes read on a terminal epoch go to its TerminalLedger; false for any other epoch.</summary>
    private bool ReceivedOnTerminal(Received e)
    {
        if (!_sessions.TryGetValue(e.Stream.Session, out var session) ||
            !session.Epochs.TryGetValue(e.Stream.Epoch, out var epoch) || epoch.Terminal is not { } terminal) return false;
        terminal.OnReceived(e.Stream.Direction, e.Bytes.Span, Violations);
        return true;
    }

    /// <summary>A flush window on a terminal epoch (TCFLSH, TCSETSF) may discard what is pending there.</summary>
    private void FlushWindowOnTerminal(StreamKey key)
    {
        if (_sessions.TryGetValue(key.Session, out var session) &&
            session.Epochs.TryGetValue(key.Epoch, out var epoch) && epoch.Terminal is { } terminal)
            terminal.OnFlushWindowOpened();
    }
}
