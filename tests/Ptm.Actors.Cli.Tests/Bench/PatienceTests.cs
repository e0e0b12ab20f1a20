using Ptm.Actors.Cli.Bench.Kernel;

namespace Ptm.Actors.Cli.Tests.Bench;

public class PatienceTests
{
    [Fact]
    public async Task An_answer_that_never_comes_fails_the_benchmark_saying_what_was_awaited()
    {
        var never = new TaskCompletionSource<long>().Task;

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => Patience.Await(never, "the watcher did not get 3 Terminated", TimeSpan.FromMilliseconds(20)));

        Assert.Contains("the watcher did not get 3 Terminated within 0.02 s", timeout.Message);
    }

    [Fact]
    public async Task An_answer_in_time_is_passed_on() =>
        Assert.Equal(42, await Patience.Await(Task.FromResult(42L), "the answer", TimeSpan.FromSeconds(1)));
}
