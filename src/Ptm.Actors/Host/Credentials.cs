namespace Ptm.Actors;

/// <summary>
/// Who makes a call (PD12): real uid and gid, zone, and whether the caller holds the privilege
/// that bypasses file permissions and passes drv_priv. The default is root in the global zone.
/// Ids are validated when built, so a bad id never reaches an actor.
/// </summary>
public sealed record Credentials
{
    /// <summary>MAXUID (N13): the largest ordinary uid or gid.</summary>
    public const long MaxId = 2147483647;

    /// <summary>MAX_ZONEID (N13).</summary>
    public const int MaxZone = 9999;

    /// <summary>The gid of group "tty" (PD12): what grantpt gives the node.</summary>
    public const long TtyGroup = 7;

    /// <summary>uid 0, gid 0, the global zone, privileged: the default caller (PD12).</summary>
    public static readonly Credentials Root = new(0, 0, 0, privileged: true);

    /// <summary>A caller with these ids.</summary>
    /// <param name="uid">The real uid, 0 to <see cref="MaxId"/>; grantpt makes it the node's owner (C6).</param>
    /// <param name="gid">The real gid, 0 to <see cref="MaxId"/>.</param>
    /// <param name="zone">The caller's zone, 0 (global) to <see cref="MaxZone"/>: it sees only its zone's ptys (L8).</param>
    /// <param name="privileged">Holds the privilege that bypasses file permissions and passes drv_priv.</param>
    /// <exception cref="ArgumentOutOfRangeException">An id is out of its range.</exception>
    public Credentials(long uid, long gid, int zone = 0, bool privileged = false)
    {
        if (uid < 0 || uid > MaxId) throw new ArgumentOutOfRangeException(nameof(uid), uid, $"A uid must be between 0 and {MaxId}.");
        if (gid < 0 || gid > MaxId) throw new ArgumentOutOfRangeException(nameof(gid), gid, $"A gid must be between 0 and {MaxId}.");
        if (zone < 0 || zone > MaxZone) throw new ArgumentOutOfRangeException(nameof(zone), zone, $"A zone id must be between 0 and {MaxZone}.");
        Uid = uid;
        Gid = gid;
        Zone = zone;
        Privileged = privileged;
    }

    /// <summary>The real uid: only the node's owner (or a privileged caller) may open /dev/pts/N (L8), and grantpt makes it the owner (C6).</summary>
    public long Uid { get; }
    /// <summary>The real gid. grantpt gives the node group tty regardless (PD12), so no rule reads it.</summary>
    public long Gid { get; }
    /// <summary>The caller's zone: a new pty belongs to its opener's zone (L3), and only that zone sees and opens /dev/pts/N (L7.3, L8).</summary>
    public int Zone { get; }
    /// <summary>Bypasses the node's permissions (L8) and passes drv_priv, which ZONEPT requires (I4).</summary>
    public bool Privileged { get; }

    /// <summary>"uid=U gid=G zone=Z", with " privileged" when it is.</summary>
    public override string ToString() => $"uid={Uid} gid={Gid} zone={Zone}{(Privileged ? " privileged" : "")}";
}
