using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Ptm.Actors.Cluster.Directory;
using Ptm.Actors.Pty;

namespace Ptm.Actors.Cluster;

/// <summary>
/// One node of a simulated machine that spans an Akka.NET cluster (issue 17; the rules are
/// specs/cluster/README.md, CL1-CL11). The node runs its own actor system with Akka.Cluster
/// over TCP, a <see cref="PtySystem"/> for the sides that run here, and takes part in the
/// cluster's one directory of /dev/pts names (a cluster singleton on the oldest node).
/// A manager opened here runs here (CL2); a subsidiary opened here by its cluster-wide name
/// runs here too, whatever node its manager is on (CL3); the two then talk across the network
/// with the same messages as on one node (CL5), and the loss of either's node is a close for the
/// other (CL6, PD13).
/// </summary>
public sealed class PtyNode : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);
    private readonly IActorRef _directory;
    private readonly IActorRef _registrar;
    private int _disposed;

    private PtyNode(ActorSystem system, PtySystem ptys, IActorRef directory, IActorRef registrar)
    {
        _registrar = registrar;
        ActorSystem = system;
        Ptys = ptys;
        _directory = directory;
        Address = Akka.Cluster.Cluster.Get(system).SelfAddress.ToString();
    }

    /// <summary>The node's actor system (a cluster member once <see cref="StartAsync"/> has returned).</summary>
    public ActorSystem ActorSystem { get; }

    /// <summary>
    /// The pty subsystem of this node: the sides that run here and their local Clone. Not public:
    /// its /dev/pts/N are node-local slots, not the cluster's names (CL1); a host opens through
    /// <see cref="OpenManagerAsync"/> and <see cref="OpenSubsidiaryAsync"/>. A handle's
    /// <see cref="PtyHandle.System"/> still reaches it, so the Clone itself refuses a cluster pty's
    /// slot opened by name (CL4).
    /// </summary>
    internal PtySystem Ptys { get; }

    /// <summary>This node's address (<c>akka.tcp://ptm@127.0.0.1:PORT</c>), a seed for the nodes that join after it.</summary>
    public string Address { get; }

    /// <summary>
    /// Starts a node, joins the cluster through <see cref="PtyNodeOptions.Seeds"/> (or founds it),
    /// and returns once this node is a member that is up.
    /// </summary>
    /// <param name="options">Where to listen, whom to join, the failure-detection bound.</param>
    /// <param name="cancellationToken">Stops waiting for the join; the half-started node is shut down.</param>
    public static async Task<PtyNode> StartAsync(PtyNodeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PairProbeInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), options.PairProbeInterval, "PairProbeInterval must be positive (CL11)");
        var system = ActorSystem.Create(options.ClusterName, ClusterConfig.For(options));
        try
        {
            var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var cluster = Akka.Cluster.Cluster.Get(system);
            cluster.RegisterOnMemberUp(() => up.TrySetResult());
            if (options.Seeds.Count == 0) cluster.Join(cluster.SelfAddress); // the first node founds the cluster
            var maxNames = options.MaxNames;
            var registrar = system.ActorOf(Props.Create<NodeRegistrar>(), "ptys-registrar"); // before the directory can recall it (CL1)
            system.ActorOf(ClusterSingletonManager.Props(
                Props.Create(() => new PtyDirectory(maxNames)), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system)),
                "ptys-directory");
            var directory = system.ActorOf(ClusterSingletonProxy.Props("/user/ptys-directory", ClusterSingletonProxySettings.Create(system)),
                "ptys-directory-proxy");
            var ptys = PtySystem.Attach(system, options.Ptys with { PeerProbeInterval = options.PairProbeInterval });
            await up.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new PtyNode(system, ptys, directory, registrar);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// posix_openpt(3C) on this node (L1, CL2): the manager runs here and gets its cluster-wide
    /// name from the directory. Grant and unlock it (<see cref="ManagerHandle.GrantAsync"/>,
    /// <see cref="ManagerHandle.UnlockAsync"/>) before a subsidiary can open (L7.5).
    /// </summary>
    /// <param name="flags">open(2) flags, as for <see cref="PtySystem.OpenManagerAsync"/>.</param>
    /// <param name="who">Whose credentials the handle's calls carry (PD12); root by default.</param>
    /// <param name="cancellationToken">Cancels the open; nothing stays open.</param>
    /// <exception cref="PtyException">ENOMEM when out of ptys on this node or out of names in the cluster (PD2).</exception>
    public async Task<ClusterManager> OpenManagerAsync(OpenFlags flags = OpenFlags.NoCtty, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        var handle = await Ptys.OpenManagerAsync(flags, who, cancellationToken).ConfigureAwait(false);
        try
        {
            var registered = await _directory.Ask<ManagerRegistered>(
                new RegisterManager(handle.File.Side!, Ptys.CloneActor, handle.Minor), CallTimeout, cancellationToken).ConfigureAwait(false);
            if (registered.Error != Errno.None) throw new PtyException(registered.Error, "open /dev/ptmx");
            Ptys.CloneActor.Tell(new NamedInCluster(handle.Minor, handle.File.Side!), ActorRefs.NoSender); // CL4: before anyone can unlock it
            _registrar.Tell(new RememberedManager(registered.Minor, handle.File.Side!, Ptys.CloneActor, handle.Minor), ActorRefs.NoSender);
            return new ClusterManager(handle, "/dev/pts/" + registered.Minor);
        }
        catch
        {
            await handle.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// open(2) of a cluster-wide name "/dev/pts/N" from this node (CL3): the subsidiary runs
    /// here, its manager wherever it was opened. Opens of a stream already open on this node
    /// join it (L9); an open while the stream is open on another node fails EAGAIN (CL4).
    /// </summary>
    /// <param name="name">The name <see cref="ClusterManager.Name"/> gave.</param>
    /// <param name="flags">open(2) flags; <see cref="OpenFlags.NoCtty"/> by default.</param>
    /// <param name="who">Whose credentials the handle's calls carry (PD12); root by default.</param>
    /// <param name="cancellationToken">Cancels the open; nothing stays open.</param>
    /// <exception cref="PtyException">ENOENT for a name no pty has (L8), EAGAIN while locked (L7.5), while its manager closes (PD3) or its stream is open elsewhere (CL4), EACCES (L8).</exception>
    public async Task<SubsidiaryHandle> OpenSubsidiaryAsync(string name, OpenFlags flags = OpenFlags.NoCtty, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var operation = "open " + name;
        if (!name.StartsWith("/dev/pts/", StringComparison.Ordinal) || !int.TryParse(name.AsSpan("/dev/pts/".Length), out var minor) || minor < 1)
            throw new PtyException(Errno.ENOENT, operation);
        var found = await _directory.Ask<NameFound>(new LookUpName(minor, Address), CallTimeout, cancellationToken).ConfigureAwait(false);
        if (found.Error != Errno.None) throw new PtyException(found.Error, operation);
        SubsidiaryHandle handle;
        try
        {
            var localMinor = found.LocalClone is IInternalActorRef { IsLocal: true }
                ? found.LocalMinor // the manager runs here: an ordinary local open
                : await AdoptAsync(found, operation, cancellationToken).ConfigureAwait(false);
            handle = await Ptys.OpenAdmittedSubsidiaryAsync(localMinor, flags, who, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failed)
        {
            _directory.Tell(new OpenAbandoned(minor, Address), ActorRefs.NoSender); // CL4: the stream is no longer reserved for us
            if (failed is PtyException pty) throw new PtyException(pty.Errno, operation); // the node-local slot is not a name the caller knows
            throw;
        }
        var registration = new RegisterSubsidiary(minor, found.Manager!, handle.File.Side!, Address);
        _directory.Tell(registration, ActorRefs.NoSender);
        _registrar.Tell(registration, ActorRefs.NoSender); // a directory that starts later recalls it (CL1)
        return handle;
    }

    /// <summary>CL3: the manager's node describes its entry; this node's Clone copies it into an entry of its own.</summary>
    private async Task<int> AdoptAsync(NameFound found, string operation, CancellationToken cancellationToken)
    {
        var description = await found.LocalClone!.Ask<PtyDescription>(new DescribePty(found.LocalMinor), CallTimeout, cancellationToken).ConfigureAwait(false);
        if (description.Manager is not { } manager || !RefIdentity.Same(manager, found.Manager))
            throw new PtyException(Errno.ENOENT, operation); // the pty went between the look-up and now
        if (description.ManagerClosing) throw new PtyException(Errno.EAGAIN, operation); // PD3
        var adopted = await Ptys.CloneActor.Ask<RemotePtyAdopted>(
            new AdoptRemotePty(manager, description.Locked, description.Zone, description.Uid, description.Gid),
            CallTimeout, cancellationToken).ConfigureAwait(false);
        if (adopted.Error != Errno.None) throw new PtyException(adopted.Error, operation);
        return adopted.Minor;
    }

    /// <summary>How many names the directory has given now (CL8: zero once every pty of the cluster is gone).</summary>
    internal async Task<int> CountNamesAsync(CancellationToken cancellationToken = default) =>
        (await _directory.Ask<NameCount>(CountNames.Instance, CallTimeout, cancellationToken).ConfigureAwait(false)).Count;

    /// <summary>Closes this node's ptys (their peers elsewhere see a close, L14, L12), leaves the cluster and stops the actor system.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await Ptys.DisposeAsync().ConfigureAwait(false);
        await CoordinatedShutdown.Get(ActorSystem).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).ConfigureAwait(false);
        await ActorSystem.WhenTerminated.ConfigureAwait(false);
    }
}
