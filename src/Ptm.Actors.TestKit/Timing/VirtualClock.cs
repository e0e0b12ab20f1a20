using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>
/// The kit's virtual time: the kernel's ManualTimeProvider under the kit's name. Time moves only
/// when the test advances it; <see cref="ManualTimeProvider.NextDueAt"/> lets
/// <see cref="TestKit.AdvanceAsync"/> stop at every due time so the actors react (and arm new
/// timers) before time moves on.
/// </summary>
public sealed class VirtualClock : ManualTimeProvider
{
    public VirtualClock() { }

    public VirtualClock(DateTimeOffset start) : base(start) { }
}
