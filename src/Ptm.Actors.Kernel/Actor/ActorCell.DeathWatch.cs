using Ptm.Actors.Kernel.Collections;
using Ptm.Actors.Kernel.Dispatch;

namespace Ptm.Actors.Kernel;

/// <summary>
/// Death-watch. A dying actor sends DeathWatchNotification (a system message) to each watcher;
/// the watcher turns it into a Terminated at the tail of its own user queue, behind every
/// message the dead actor sent it before dying (those were enqueued earlier). The subject is
/// remembered in _terminatedQueued so an Unwatch before processing discards the Terminated,
/// and so it is delivered once only. The parent is never recorded as a watcher: it always learns
/// of a child's death as its parent. Each of these sets almost always holds at most one item,
/// which lives in a field (SmallSet, SmallMap): a pty side watches and is watched by its peer only.
/// </summary>
internal sealed partial class ActorCell
{
    private SmallMap<IActorRef, object?> _watching;
    private SmallSet<ActorCell> _watchedBy;
    private SmallSet<IActorRef> _terminatedQueued;

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _watching.Remove(subject, out _);
        _terminatedQueued.Remove(subject);
        if (subject is LocalActorRef local && !ReferenceEquals(local.Cell, this)) local.Cell.Mailbox.EnqueueSystem(new Unwatch(this));
        return subject;
    }

    private IActorRef WatchCore(IActorRef subject, object? custom)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, Self)) return subject;
        if (!_watching.Set(subject, custom)) return subject; // already watched: only the custom message changes
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
        if (ReferenceEquals(watcher, this) || ReferenceEquals(watcher, ParentCell)) return;
        _watchedBy.Add(watcher);
    }

    private void RemoveWatcher(ActorCell watcher) => _watchedBy.Remove(watcher);

    private void HandleDeathNotification(DeathWatchNotification notification)
    {
        var subject = notification.Actor;
        var wasChild = RemoveChild(subject);
        if (_watching.Remove(subject, out var custom) && _state < StateTerminating)
        {
            _terminatedQueued.Add(subject);
            var message = custom ?? new Terminated(subject, notification.ExistenceConfirmed);
            Mailbox.EnqueueUser(new Envelope(new DeathWatchDelivery(subject, message), subject));
        }
        if (wasChild) OnChildTerminated();
    }

    /// <summary>Tells every watcher (the parent is never one: it learns as a parent) that this actor is gone.</summary>
    private void NotifyWatchersOfDeath()
    {
        _watchedBy.ForEach(Self, static (watcher, self) => watcher.SendSystem(new DeathWatchNotification(self, existenceConfirmed: true)));
        _watchedBy.Clear();
        // Our own watches end with us; tell the subjects so they do not notify a dead watcher.
        _watching.ForEachKey(this, static (subject, self) =>
        {
            if (subject is LocalActorRef local) local.Cell.Mailbox.EnqueueSystem(new Unwatch(self));
        });
        _watching.Clear();
        _terminatedQueued.Clear();
    }

    /// <summary>A system message that reached this cell after its mailbox closed.</summary>
    private void HandleSystemMessageAfterDeath(SystemMessage message)
    {
        if (message is Watch watch && !ReferenceEquals(watch.Watcher, this))
            watch.Watcher.SendSystem(new DeathWatchNotification(Self, existenceConfirmed: false));
    }
}
