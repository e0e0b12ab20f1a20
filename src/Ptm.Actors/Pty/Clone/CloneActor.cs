using Akka.Actor;
using Akka.Event;
using Ptm.Actors.Diagnostics;

namespace Ptm.Actors.Pty;

/*
 * The Clone actor: /dev/ptmx, the /dev/pts directory and ptms_conf in one place.
 *
 * It owns every pty entry (state bits PTLOCK/PTMOPEN/PTSOPEN/PTSTTY, zone, owner), the slot
 * table and the minor arena, and it makes every open and close decision. Because it is a
 * single actor, the decisions illumos serialises with ptms_lock and pt_lock are serialised by
 * its mailbox: whatever order two requests arrive in, each sees the state the other left.
 *
 * Opening the manager (L1, L2, L3) allocates the lowest free minor (PD1), admitted by N3 (refusal:
 * ENOMEM, PD2) and starts a Manager actor. Opening /dev/pts/N runs in two turns, like the
 * lookup and the driver open of a real system: the lookup (L8: ENOENT for a missing or foreign
 * entry, EACCES for a non-owner) and then, as a message to itself, the driver checks of L7 in
 * their order (ENXIO, EPERM, join an open stream, EAGAIN while locked). Both sides are children
 * it watches with a stopping strategy (PD13): it learns of every close and every crash through
 * death-watch and frees the minor when both sides are gone (L16).
 *
 * Races (section 4.2): what illumos does, and what the actors do instead.
 *
 *   R1/R2  peer send vs close   READ bracket around the peer's rdq;    a side sends only to the peer ref it holds; a
 *                               close clears it under WRITE            closing side announces itself first (hang-up
 *                                                                      or SubsidiaryClosed), later sends to it are
 *                                                                      dead letters: data dropped, ioctls NAKed (R9)
 *   R3     half-plumbed open    publish rdq after qprocson             a side introduces itself from PreStart, so it
 *                                                                      is fully started before a peer can reach it
 *   R4     delivery after       clear rdq before qprocsoff             a side stops only after telling its peer
 *          qprocsoff
 *   R5     EOF ownership        pt_nullmsg taken under WRITE           SubsidiaryClosed is sent once, by the closing
 *                                                                      subsidiary, after its data; the manager
 *                                                                      unwatches it so a crash cannot add a second
 *   R6     pts open vs ptm      ptms_lock around the state check;      ManagerClosing reaches this actor before the
 *          close                residual window before ptms_close      manager stops; opens after it fail EAGAIN
 *                                                                      (PD3); an open that won the race is answered
 *                                                                      by the manager with a hang-up, or sees its
 *                                                                      Terminated
 *   R7     last close vs open   stropen waits on STRCLOSE              opens that arrive while a subsidiary is in
 *                                                                      its last close wait here and are evaluated
 *                                                                      again when its Terminated arrives
 *   R8     re-entrancy          refcount instead of a lock             no synchronous re-entry; every flush and NAK
 *                                                                      round trip is a finite chain of Tells
 *   R9     orphaned ioctls      close enables the peer's queue         pending forwarded ioctls are NAKed when the
 *                                                                      peer closes or its Terminated arrives
 *   R10    EOF under memory     pt_nullmsg allocated at open           the EOF is a message type, not an allocation
 *          pressure                                                    that can fail at close
 *   R11    UNLKPT/ZONEPT/       pt_lock around state writes            the manager updates the entry here before it
 *          OWNERPT vs open                                             answers the ioctl; opens see old or new
 *   R12    table growth         ptms_lock around lookups               only this actor touches the table
 *   R13    stale wake-ups       re-check the peer under READ           Credit and stream messages are accepted only
 *                                                                      from the current peer ref
 */
internal sealed partial class CloneActor : UntypedActor
{
    private readonly SlotTable _table;
    private readonly CloneStatistics _statistics;
    private readonly CallCompletion _owner;
    private readonly PtyDiagnostics _diagnostics;
    private readonly Deploy _sideDeploy; // one for every side: on the PtySystem's dispatcher
    private readonly ILoggingAdapter _log = Context.GetLogger();
    // Keyed by actor (uid, then path): a local side's ref is one object for its whole life, a remote
    // manager's may not be (CL5), and hashing a ref's path string on every open, close and ioctl
    // update was a visible cost.
    private readonly Dictionary<IActorRef, PtyEntry> _bySide = new(ActorRefComparer.Instance);
    private long _serial;
    private readonly SideCommon _managers;
    private readonly SideCommon _subsidiaries; // with the M4.6 autopush list

    public CloneActor(PtySystemOptions options, CloneStatistics statistics, CallCompletion owner, string dispatcher, PtyDiagnostics diagnostics)
    {
        _diagnostics = diagnostics;
        _table = new SlotTable(options);
        _managers = new SideCommon(Self, diagnostics.Manager, [], options.PeerProbeInterval);
        _subsidiaries = new SideCommon(Self, diagnostics.Subsidiary, options.Autopush.ToArray(), options.PeerProbeInterval);
        _statistics = statistics;
        _owner = owner;
        _sideDeploy = Props.Empty.WithDispatcher(dispatcher).Deploy;
    }

    /// <summary>
    /// PD13: a crashed side is stopped, never restarted: its state is the stream. A failure
    /// that was not injected is a bug, counted so tests and specs can fail on it, and logged
    /// as an error; the side itself logs every crash at Debug with its minor (SideActor.OnReceive).
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(-1, -1, Decider.From(cause =>
    {
        if (cause is not InjectedCrashException)
        {
            _statistics.RecordUnexpectedFailure(cause);
            _log.Error(cause, "A pty side failed: {Message}", cause.Message);
        }
        return Directive.Stop;
    }), loggingEnabled: false);

    /// <summary>
    /// The Clone's state is every pty's bookkeeping: its own failure is logged and counted, then
    /// it carries on with the next message, never restarted (a restart would forget every pty).
    /// </summary>
    protected override void OnReceive(object message)
    {
        try
        {
            Handle(message);
        }
        catch (Exception cause)
        {
            _statistics.RecordUnexpectedFailure(cause);
            _log.Error(cause, "The Clone actor failed on {Message}", message.GetType().Name);
        }
    }

    private void Handle(object message)
    {
        switch (message)
        {
            case OpenRequest { IsDone: true }: break; // cancelled on its way: nobody waits for this open
            case OpenManagerRequest open: OpenManager(open); break;
            case OpenSubsidiaryRequest open: LookUp(open); break;
            case DriverOpen driverOpen: OpenSubsidiary(driverOpen.Request); break;
            case Terminated terminated: SideGone(terminated.ActorRef); break;
            case ManagerClosing closing:
                if (EntryOf(Sender) is { } closingManager)
                {
                    closingManager.ManagerClosing = true;
                    closingManager.ManagerClose = closing.Close;
                }
                break;
            case SubsidiaryClosing closing:
                if (EntryOf(Sender) is { } closingSubsidiary)
                {
                    closingSubsidiary.SubsidiaryClosing = true;
                    closingSubsidiary.SubsidiaryClose = closing.Close;
                }
                break;
            case Unlock:
                if (EntryOf(Sender) is { } unlocked) unlocked.State &= ~PtyState.PTLOCK;
                break;
            case SetZone zone:
                if (EntryOf(Sender) is { } zoned) zoned.Zone = zone.Zone;
                break;
            case SetOwner owner:
                if (EntryOf(Sender) is { } owned)
                {
                    owned.Uid = owner.Uid;
                    owned.Gid = owner.Gid;
                }
                break;
            case SetPtsTty ptsTty: SetPtsTty(ptsTty); break;
            case StatRequest stat: Stat(stat); break;
            case TuneRequest tune: Tune(tune); break;
            case AllDeadLetters letter: Rescue(letter); break;
            case EndCloseDrains end: EndCloseDrains(end); break;
            case DescribePty describe: Describe(describe); break; // CL3: sides on two nodes
            case AdoptRemotePty adopt: Adopt(adopt); break;
            case NamedInCluster named: NameInCluster(named); break;
            default: Unhandled(message); break;
        }
    }

    private void OpenManager(OpenManagerRequest request)
    {
        if (!_table.Admits())
        {
            request.Fail(Errno.ENOMEM); // L2.6, N3, PD2
            return;
        }
        var entry = _table.Allocate(request.Who.Zone);
        // Counted before the manager starts: it completes the open from its PreStart, on another
        // thread, and a caller may read AllocatedMinors before this turn would otherwise end.
        _statistics.Allocated = _table.InUse;
        _statistics.RecordPeak(_table.InUse);
        // Props build the actor on the child's first turn: they carry values, not the mutable entry.
        var manager = Context.ActorOf(
            new SideProps<ManagerActor>(_sideDeploy, new SideStart(entry.Minor, entry.Zone, null, _managers), request,
                static (start, open) => new ManagerActor(start, (OpenManagerRequest)open)),
            "ptm-" + entry.Minor + "-" + ++_serial);
        entry.Manager = manager;
        Track(manager, entry);
    }

    /// <summary>L8: the /dev/pts lookup runs before the driver is reached.</summary>
    private void LookUp(OpenSubsidiaryRequest request)
    {
        if (request.Minor == 0)
        {
            // /dev/pts/0 exists for everyone (root-owned), but no pty backs it: the driver says ENXIO.
            if (!request.Who.Privileged && request.Who.Uid != 0) request.Fail(Errno.EACCES);
            else request.Fail(Errno.ENXIO);
            return;
        }
        var entry = _table.Find(request.Minor);
        // CL4: a cluster pty's node-local slot is no name (CL1); opened by it, a second stream
        // could reach the manager behind the directory's back and end the first one's epoch.
        if (entry is null || entry.Zone != request.Who.Zone || (entry.ClusterNamed && !request.ThroughDirectory))
        {
            request.Fail(Errno.ENOENT);
            return;
        }
        if (!request.Who.Privileged && request.Who.Uid != entry.Uid)
        {
            request.Fail(Errno.EACCES); // mode 0620: only the owner may open read-write
            return;
        }
        Self.Tell(new DriverOpen(request)); // the driver open is a later turn, as in a real open
    }

    /// <summary>L7: ptsopen's checks, in order.</summary>
    private void OpenSubsidiary(OpenSubsidiaryRequest request)
    {
        var entry = _table.Find(request.Minor);
        if (entry is null) { request.Fail(Errno.ENXIO); return; }                // L7.2
        if (entry.Zone != request.Who.Zone) { request.Fail(Errno.EPERM); return; } // L7.3
        if (entry.ManagerClosing) { request.Fail(Errno.EAGAIN); return; }          // PD3
        if (entry.SubsidiaryClosing)
        {
            (entry.WaitingOpens ??= new List<OpenSubsidiaryRequest>()).Add(request); // R7
            return;
        }
        if (entry.Subsidiary is not null)
        {
            entry.Subsidiary.Tell(new JoinOpen(request)); // L7.4, L9
            return;
        }
        if (entry.Has(PtyState.PTLOCK) || !entry.Has(PtyState.PTMOPEN)) { request.Fail(Errno.EAGAIN); return; } // L6, L7.5
        entry.State |= PtyState.PTSOPEN; // L7.8
        var subsidiary = Context.ActorOf(
            new SideProps<SubsidiaryActor>(_sideDeploy, new SideStart(entry.Minor, entry.Zone, entry.Manager, _subsidiaries), request,
                static (start, open) => new SubsidiaryActor(start, (OpenSubsidiaryRequest)open)),
            "pts-" + entry.Minor + "-" + ++_serial);
        entry.Subsidiary = subsidiary;
        Track(subsidiary, entry);
    }

    /// <summary>A side closed or crashed: clear its bits and free the entry when both are gone (L16, PD13).</summary>
    private void SideGone(IActorRef side)
    {
        if (!_bySide.Remove(side, out var entry)) return;
        CloseRequest? close = null;
        if (RefIdentity.Same(side, entry.Manager))
        {
            entry.State &= ~(PtyState.PTMOPEN | PtyState.PTLOCK);
            entry.Manager = null;
            entry.ManagerClosing = true;
            (close, entry.ManagerClose) = (entry.ManagerClose, null);
        }
        else if (RefIdentity.Same(side, entry.Subsidiary))
        {
            entry.State &= ~(PtyState.PTSOPEN | PtyState.PTSTTY); // L12.4
            entry.Subsidiary = null;
            entry.SubsidiaryClosing = false;
            (close, entry.SubsidiaryClose) = (entry.SubsidiaryClose, null);
        }
        if (!entry.Has(PtyState.PTMOPEN | PtyState.PTSOPEN))
        {
            _table.Free(entry);
            _statistics.Allocated = _table.InUse;
            _diagnostics.Freed(entry.Minor); // L16
        }
        close?.Complete(0); // close(2) returns once ptms_close's work is done
        if (entry.WaitingOpens is { } waiting)
        {
            entry.WaitingOpens = null;
            foreach (var open in waiting) Self.Tell(new DriverOpen(open)); // R7: evaluated against the new state
        }
    }

    /// <summary>The system is being disposed: every close still waiting for output to drain (H3) gives up now.</summary>
    private void EndCloseDrains(EndCloseDrains end)
    {
        foreach (var entry in _table.Entries)
        {
            if (entry.Manager is IInternalActorRef { IsLocal: true } manager) manager.Tell(end, Self); // a remote manager (CL3) is its node's business
            entry.Subsidiary?.Tell(end, Self);
        }
    }

    private void SetPtsTty(SetPtsTty request)
    {
        var entry = _table.Find(request.Minor);
        if (request.SubsidiaryIoctl is { } ioctl)
        {
            var error = Errno.None;
            if (entry is null || !RefIdentity.Same(Sender, entry.Subsidiary)) error = Errno.ENXIO;
            else if (entry.Has(PtyState.PTSTTY)) error = Errno.EEXIST; // I3
            else entry.State |= PtyState.PTSTTY;
            Sender.Tell(new PtsTtyAnswer(ioctl, error), Self);
            return;
        }
        if (entry is not null && RefIdentity.Same(Sender, entry.Manager)) entry.State |= PtyState.PTSTTY;
    }

    /// <summary>stat of /dev/pts/N: owner, group tty after grantpt, mode 0620 always (L8, N12).</summary>
    private void Stat(StatRequest request)
    {
        if (request.Minor == 0)
        {
            request.Complete(SysResult.OkText("uid=0 gid=3 mode=0620"));
            return;
        }
        var entry = _table.Find(request.Minor);
        if (entry is null || entry.Zone != request.Who.Zone) request.Fail(Errno.ENOENT);
        else request.Complete(SysResult.OkText($"uid={entry.Uid} gid={entry.Gid} mode=0620"));
    }

    private void Tune(TuneRequest request)
    {
        if (request.Value < 0 || request.Value > int.MaxValue) { request.Fail(Errno.EINVAL); return; }
        switch (request.Tunable)
        {
            case "pt_max_pty": _table.AdministratorMaximum = (int)request.Value; break;
            case "pt_cnt": _table.MinimumCount = (int)request.Value; break;
            default: request.Fail(Errno.EINVAL); return;
        }
        request.Complete(0);
    }

    private void Track(IActorRef side, PtyEntry entry)
    {
        Context.Watch(side);
        _bySide[side] = entry;
    }

    /// <summary>Entry updates are taken only from the entry's own live sides (no closure per message: a hot path).</summary>
    private PtyEntry? EntryOf(IActorRef sender) => _bySide.TryGetValue(sender, out var entry) ? entry : null;
}
