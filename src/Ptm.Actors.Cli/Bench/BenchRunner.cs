namespace Ptm.Actors.Cli.Bench;

/// <summary>Runs the chosen suites' benchmarks one after another (never concurrently: they would skew each other).</summary>
internal static class BenchRunner
{
    public static async Task<BenchReport> RunAsync(
        BenchRegistry registry, IReadOnlyList<string> suites, BenchOptions options,
        TextWriter progress, CancellationToken cancellation = default)
    {
        var report = new BenchReport();
        foreach (var suite in suites)
        {
            var benchmarks = registry.BenchmarksOf(suite);
            if (benchmarks.Count == 0) report.AddEmptySuite(suite);
            var context = new BenchContext(suite, options, report);
            foreach (var benchmark in benchmarks)
            {
                cancellation.ThrowIfCancellationRequested();
                progress.WriteLine($"bench: {suite}: {benchmark.Name}");
                try
                {
                    await benchmark.RunAsync(context, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    // One broken benchmark must not hide the others' figures; the command exits 1.
                    report.AddFailure(suite, benchmark.Name, $"{e.GetType().Name}: {e.Message}");
                }
            }
        }
        return report;
    }
}
