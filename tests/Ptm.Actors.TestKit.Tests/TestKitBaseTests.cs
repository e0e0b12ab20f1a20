using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit.Tests;

public class TestKitBaseTests : TestKit
{
    [Fact]
    public async Task Each_test_gets_a_fresh_system_named_after_its_class_created_on_first_use()
    {
        var other = new ScratchKit();
        Assert.NotSame(Sys, other.Sys);
        Assert.Equal("TestKitBaseTests", Sys.Name);
        Assert.False(Sys.IsDeterministic);
        Assert.Equal("/user/testActor", TestActor.Path.ToStringWithoutAddress());
        await other.DisposeAsync();
        Assert.True(other.Sys.IsTerminated);
        Assert.False(Sys.IsTerminated);
    }

    [Fact]
    public async Task The_system_and_TestActor_are_made_once_when_first_used_from_two_threads_at_once()
    {
        for (var round = 0; round < 100; round++)
        {
            var kit = new ScratchKit();
            using var start = new Barrier(2);
            IActorRef Touch()
            {
                start.SignalAndWait();
                return kit.TestActor; // an actor's constructor does this on a pool thread while the test does it too
            }
            var touches = new[] { Task.Run(Touch), Task.Run(Touch) };
            var refs = await Task.WhenAll(touches);
            Assert.Same(refs[0], refs[1]);
            await kit.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConfigureSystem_reaches_the_kernel_options_but_the_kit_keeps_the_logger()
    {
        var kit = new ScratchKit(new TestKitSettings { ConfigureSystem = o => o with { Throughput = 5, GuardianStrategy = SupervisorStrategy.StoppingStrategy } });
        Assert.Equal(5, kit.Sys.Options.Throughput);
        Assert.Same(SupervisorStrategy.StoppingStrategy, kit.Sys.Options.GuardianStrategy);
        Assert.NotNull(kit.Sys.Options.Logger);
        await kit.DisposeAsync();
    }

    [Fact]
    public async Task Real_time_tests_have_no_virtual_clock_and_say_how_to_get_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Clock);
        Assert.Contains("UseVirtualTime()", error.Message);
        var advance = await Assert.ThrowsAsync<InvalidOperationException>(() => AdvanceAsync(TimeSpan.FromSeconds(1)));
        Assert.Contains("needs virtual time", advance.Message);
    }
}
