namespace Ptm.Actors.Cli.Bench;

/// <summary>A benchmark written as a lambda, for figures too small to deserve a class.</summary>
internal sealed class DelegateBenchmark(string name, Func<BenchContext, CancellationToken, Task> run) : IBenchmark
{
    public string Name { get; } = name;

    public Task RunAsync(BenchContext context, CancellationToken cancellation) => run(context, cancellation);
}
