using Akka.Hosting;

namespace Ptm.Actors.Hosting;

/// <summary>
/// Akka.Hosting integration for a Microsoft.Extensions.Hosting app whose ActorSystem is built by
/// <c>services.AddAkka(...)</c>: one call gives that system its own pty subsystem.
/// </summary>
public static class PtyHostingExtensions
{
    /// <summary>
    /// Gives the hosted ActorSystem its own pty subsystem (the <see cref="PtySystem.Get"/>
    /// extension), started with the system rather than on first use, so its Clone actor is under
    /// <c>/user</c> before any of the host's actors or startup tasks run and they can all reach it
    /// with <c>PtySystem.Get(system)</c>. It ends with the ActorSystem; the host does not dispose it.
    /// Its own events (opens, closes, hang-ups and crashes at Debug, category "Ptm.Actors") go to
    /// the host's ILoggerFactory, which Akka.Hosting keeps in the ActorSystem's setup; its
    /// measurements are on the "Ptm.Actors" Meter, like every PtySystem's.
    /// </summary>
    /// <param name="builder">The host's Akka.NET configuration builder.</param>
    /// <param name="options">
    /// The subsystem's tunables (the defaults when null). They are checked here, so a bad value
    /// (a negative MaxPtys, an empty dispatcher id, ...) throws an <see cref="ArgumentException"/>
    /// out of the builder, and so out of the host's start, before the ActorSystem is created.
    /// Call this once per builder: the system takes a single set of options.
    /// </param>
    /// <returns>The same builder, for chaining.</returns>
    public static AkkaConfigurationBuilder WithPtys(this AkkaConfigurationBuilder builder, PtySystemOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new PtySystemOptions();
        options.Validate();
        builder.AddSetup(new PtySetup(options)); // PtySystemProvider reads it from the system's setup
        return builder.WithExtensions(typeof(PtySystemProvider)); // akka.extensions: created while the system starts
    }
}
