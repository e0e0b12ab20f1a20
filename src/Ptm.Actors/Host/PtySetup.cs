using Akka.Actor.Setup;

namespace Ptm.Actors;

/// <summary>
/// Options for an actor system's own pty subsystem (<see cref="PtySystem.Get"/>), carried in the
/// system's <c>ActorSystemSetup</c>; Ptm.Actors.Hosting's <c>WithPtys</c> adds one.
/// </summary>
public sealed class PtySetup(PtySystemOptions options) : Setup
{
    /// <summary>The options the extension starts with.</summary>
    public PtySystemOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));
}
