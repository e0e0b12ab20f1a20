namespace Ptm.Actors.TestKit.Kit;

/// <summary>How a TestKit's actor system runs: on the ThreadPool or seeded, on real or virtual time.</summary>
internal sealed record KitMode(int? Seed, bool VirtualTime)
{
    public static readonly KitMode Default = new(null, false);

    /// <summary>Seeded systems always run on virtual time.</summary>
    public bool IsVirtual => VirtualTime || Seed is not null;
}
