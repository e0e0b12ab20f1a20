// The test project of eng/check-packages.sh: a fresh xunit project that takes Ptm.Actors.TestKit
// from the packed .nupkg, next to Serilog 4.4.0, and runs the package README's example.
using Ptm.Actors;
using Ptm.Actors.TestKit.Deterministic;

namespace PackageCheck;

public sealed class PackagedTestKitTests
{
    [Fact]
    public async Task A_seeded_pty_system_from_the_package_carries_a_write()
    {
        await using var ptys = DeterministicPtys.Create(seed: 42);  // nothing runs until driven
        var opening = ptys.OpenManagerAsync();
        ptys.RunUntilIdle();                                         // the seeded actor turns, on this thread
        var manager = await opening;

        var write = manager.WriteAsync("hello"u8.ToArray());
        ptys.RunUntilIdle();
        Assert.Equal(5, await write);
        Assert.Empty(ptys.SeedingViolations());
    }
}
