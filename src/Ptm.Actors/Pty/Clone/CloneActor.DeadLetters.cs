using Akka.Actor;
using Akka.Event;

namespace Ptm.Actors.Pty;

/// <summary>The Clone's dead letters: what a stopped side can no longer answer is answered here (PD13, R7).</summary>
internal sealed partial class CloneActor
{
    private DeadLetterForwarder? _deadLetters;

    /// <summary>Requests sent to a side that has stopped come back here as dead letters (PD13, R7).</summary>
    protected override void PreStart()
    {
        _deadLetters = new DeadLetterForwarder(Self, ((ExtendedActorSystem)Context.System).Provider);
        Context.System.EventStream.Subscribe(_deadLetters, typeof(AllDeadLetters));
        Diagnostics.PtyMetrics.Observe(_diagnostics); // ptm.ptys.open reads our counters while we live
    }

    protected override void PostStop()
    {
        Diagnostics.PtyMetrics.Forget(_diagnostics);
        if (_deadLetters is null) return;
        _deadLetters.Close();
        Context.System.EventStream.Unsubscribe(_deadLetters);
    }

    /// <summary>
    /// A request whose side is gone is answered here (EIO for a crashed side, PD13), so no call
    /// waits forever; a join that reached a stream already in its last close is evaluated again
    /// (R7). Only this PtySystem's letters count: several may share one host actor system.
    /// Requests are IDeadLetterSuppression, so they arrive as SuppressedDeadLetter.
    /// </summary>
    private void Rescue(AllDeadLetters letter)
    {
        switch (letter.Message)
        {
            case PtyRequest request:
                if (!ReferenceEquals(request.Completion, _owner)) return;
                if (request is CloseRequest { File: { } file }) _diagnostics.Side(file.IsManager).Closed(file.Minor); // a crashed side's descriptor closes too
                request.Complete(request.WhenSideIsGone);
                return;
            case JoinOpen join:
                if (ReferenceEquals(join.Request.Completion, _owner)) Self.Tell(new DriverOpen(join.Request));
                return;
        }
        if (letter is SuppressedDeadLetter || letter.Message is IDeadLetterSuppression || _statistics.Stopping) return;
        if (!Self.Path.Equals(letter.Recipient.Path.Parent)) return; // another PtySystem's side, or not a side at all
        _statistics.RecordUnexpectedDeadLetter($"{letter.Message.GetType().Name} to {letter.Recipient.Path}");
    }
}
