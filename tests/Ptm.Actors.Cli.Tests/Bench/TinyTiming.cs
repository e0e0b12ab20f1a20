using Ptm.Actors.Cli.Bench;

namespace Ptm.Actors.Cli.Tests.Bench;

/// <summary>Windows short enough that a benchmark runs in tens of milliseconds inside a test.</summary>
internal static class TinyTiming
{
    public static BenchOptions Options(int runs = 1, int pairs = 4) =>
        new(TimeSpan.Zero, TimeSpan.FromMilliseconds(20), runs, pairs);

    /// <summary>A benchmark that reports fixed figures, so report arithmetic can be checked exactly.</summary>
    public static IBenchmark Reporting(string name, params Figure[] figures) =>
        new DelegateBenchmark(name, (context, _) =>
        {
            foreach (var figure in figures) context.Add(figure);
            return Task.CompletedTask;
        });
}
