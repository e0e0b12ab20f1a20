using Ptm.Actors.Kernel.Dispatch;

namespace Ptm.Actors.Kernel;

/// <summary>
/// Death-watch. A dying actor sends DeathWatchNotification (a system message) to each watcher;
/// the watcher turns it into a Terminated at the tail of its own user queue, behind every
/// message the dead actor sent it before dying (those were enqueued earlier). The subject is
/// remembered in _terminatedQueued so an Unwatch before processing discards the Terminated,
/// and so it is delivered once only.
/// </summary>
internal sealed partial class ActorCell
{
    private Dictionary<IActorRef, object?>? _watching;
    // Most actors have at most one watcher (often the parent): one field, a set only from the second.
    private ActorCell? _soleWatcher;
    private HashSet<ActorCell>? _watchedBy;
    private HashSet<IActorRef>? _terminatedQueued;

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _watching?.Remove(subject);
        _terminatedQueued?.Remove(subject);
        if (subject is LocalActorRef local && !ReferenceEquals(local.Cell, this)) local.Cell.Mailbox.EnqueueSystem(new Unwatch(this));
        return subject;
    }

    private IActorRef WatchCore(IActorRef subject, object? custom)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, Self)) return subject;
        var watching = _watching ??= new Dictionary<IActorRef, object?>();
        if (watching.ContainsKey(subject))
        {
            watching[subject] = custom;
            return subject;
        }
        watching[subject] = custom;
        if (subject is LocalActorRef local)
        {
            // A closed mailbox answers with DeathWatchNotification(existenceConfirmed: false).
            local.Cell.SendSystem(new Watch(this));
        }
        else
        {
            // Not a live actor (dead letters, a completed Ask): it will never send anything, so it is dead now.
            SendSystem(new DeathWatchNotification(subject, existenceConfirmed: false));
        }
        return subject;
    }

    private void AddWatcher(ActorCell watcher)
    {
        if (ReferenceEquals(watcher, this)) return;
        if (_watchedBy is not null) _watchedBy.Add(watcher);
        else if (_soleWatcher is null) _soleWatcher = watcher;
        else if (!ReferenceEquals(_soleWatcher, watcher))
        {
            _watchedBy = new HashSet<ActorCell> { _soleWatcher, watcher };
            _soleWatcher = null;
        }
    }

    private void RemoveWatcher(ActorCell watcher)
    {
        if (_watchedBy is not null) _watchedBy.Remove(watcher);
        else if (ReferenceEquals(_soleWatcher, watcher)) _soleWatcher = null;
    }

    private void HandleDeathNotification(DeathWatchNotification notification)
    {
        var subject = notification.Actor;
        var wasChild = RemoveChild(subject);
        if (_watching is not null && _watching.Remove(subject, out var custom) && _state < StateTerminating)
        {
            (_terminatedQueued ??= new HashSet<IActorRef>()).Add(subject);
            var message = custom ?? new Terminated(subject, notification.ExistenceConfirmed);
            Mailbox.EnqueueUser(new Envelope(new DeathWatchDelivery(subject, message), subject));
        }
        if (wasChild) OnChildTerminated();
    }

    /// <summary>Tells every watcher (but not the parent, which learns as a parent) that this actor is gone.</summary>
    private void NotifyWatchersOfDeath()
    {
        if (_soleWatcher is not null)
        {
            if (!ReferenceEquals(_soleWatcher, ParentCell)) _soleWatcher.SendSystem(new DeathWatchNotification(Self, existenceConfirmed: true));
            _soleWatcher = null;
        }
        if (_watchedBy is not null)
        {
            foreach (var watcher in _watchedBy)
                if (!ReferenceEquals(watcher, ParentCell)) watcher.SendSystem(new DeathWatchNotification(Self, existenceConfirmed: true));
            _watchedBy = null;
        }
        // Our own watches end with us; tell the subjects so they do not notify a dead watcher.
        if (_watching is not null)
        {
            foreach (var subject in _watching.Keys)
                if (subject is LocalActorRef local) local.Cell.Mailbox.EnqueueSystem(new Unwatch(this));
            _watching = null;
        }
        _terminatedQueued = null;
    }

    /// <summary>A system message that reached this cell after its mailbox closed.</summary>
    private void HandleSystemMessageAfterDeath(SystemMessage message)
    {
        if (message is Watch watch && !ReferenceEquals(watch.Watcher, this))
            watch.Watcher.SendSystem(new DeathWatchNotification(Self, existenceConfirmed: false));
    }
}
