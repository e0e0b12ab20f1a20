using Akka.Actor;

namespace Ptm.Actors.Pty;

/// <summary>
/// Whether two refs name the same actor. On one node a side's ref is one object for its whole
/// life, so reference equality is the fast answer; across nodes (CL5, specs/cluster) Akka.Remote
/// may resolve one remote actor to several ref objects (its resolve cache is per thread, and a
/// Terminated carries the ref the notification brought), so refs that are not the same object
/// are compared by uid and path, which also tells a restarted or replaced peer apart (R13).
/// </summary>
internal static class RefIdentity
{
    public static bool Same(IActorRef? a, IActorRef? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Path.Uid == b.Path.Uid && a.Equals(b));
}

/// <summary>
/// Keys a dictionary by actor, as <see cref="RefIdentity.Same"/> compares: the hash is the
/// path's uid, cheap to read, where hashing the whole path on every open and close was a visible cost.
/// </summary>
internal sealed class ActorRefComparer : IEqualityComparer<IActorRef>
{
    public static readonly ActorRefComparer Instance = new();

    public bool Equals(IActorRef? x, IActorRef? y) => RefIdentity.Same(x, y);

    public int GetHashCode(IActorRef obj) => obj.Path.Uid.GetHashCode();
}
