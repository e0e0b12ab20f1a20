using Akka.Actor;

namespace Ptm.Actors;

/// <summary>The Akka.NET extension id behind <see cref="PtySystem.Get"/>.</summary>
public sealed class PtySystemProvider : ExtensionIdProvider<PtySystem>
{
    /// <inheritdoc />
    public override PtySystem CreateExtension(ExtendedActorSystem system)
    {
        var setup = system.Settings.Setup.Get<PtySetup>();
        var ptys = PtySystem.Attach(system, setup.HasValue ? setup.Value.Options : null);
        system.RegisterOnTermination(ptys.MarkTerminated);
        return ptys;
    }
}
