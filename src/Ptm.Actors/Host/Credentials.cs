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

    public static readonly Credentials Root = new(0, 0, 0, privileged: true);

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

    public long Uid { get; }
    public long Gid { get; }
    public int Zone { get; }
    public bool Privileged { get; }

    public override string ToString() => $"uid={Uid} gid={Gid} zone={Zone}{(Privileged ? " privileged" : "")}";
}
