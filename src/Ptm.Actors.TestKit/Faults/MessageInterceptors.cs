using System.Runtime.CompilerServices;
using Akka.Actor;

namespace Ptm.Actors.TestKit.Faults;

/// <summary>
/// Sees one user message on its way into a faultable mailbox: <paramref name="envelope"/> is the
/// message and its sender, <paramref name="receiver"/> the actor it is for. The interception
/// decides what reaches the receiver's queue instead: nothing (dropped), the envelope, another
/// one, or several (each <paramref name="enqueue"/> call queues one, in call order).
/// </summary>
internal delegate void MessageInterception(IActorRef receiver, Envelope envelope, Action<Envelope> enqueue);

/// <summary>
/// Planted bugs, for tests of the checks that must catch them (a soak's checker, a spec): an
/// interception installed on one actor system sees every user message its faultable mailboxes
/// enqueue (the pty actors of FaultablePtys and DeterministicPtys, Terminated included). Unlike
/// <see cref="FaultInjector"/>, which stays inside Akka.NET's guarantees, an interception may drop,
/// alter or reorder messages: it makes the system wrong on purpose. Internal to the kit and its
/// tests; without an interception installed anywhere, a mailbox pays one static read per message.
/// </summary>
internal static class MessageInterceptors
{
    private static readonly ConditionalWeakTable<ActorSystem, MessageInterception> Installed = new();
    private static int _count;

    /// <summary>True while some system has an interception installed.</summary>
    public static bool Active => Volatile.Read(ref _count) != 0;

    /// <summary>Installs <paramref name="interception"/> on <paramref name="system"/> (one per system) until the returned handle is disposed.</summary>
    public static IDisposable Install(ActorSystem system, MessageInterception interception)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(interception);
        if (!Installed.TryAdd(system, interception)) throw new InvalidOperationException($"{system.Name} has an interception installed already");
        Interlocked.Increment(ref _count);
        return new Installation(system);
    }

    /// <summary>Hands the envelope to the system's interception, if it has one; false: enqueue it as usual.</summary>
    internal static bool TryIntercept(ActorSystem system, IActorRef receiver, Envelope envelope, Action<Envelope> enqueue)
    {
        if (!Installed.TryGetValue(system, out var interception)) return false;
        interception(receiver, envelope, enqueue);
        return true;
    }

    private sealed class Installation(ActorSystem system) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            Installed.Remove(system);
            Interlocked.Decrement(ref _count);
        }
    }
}
