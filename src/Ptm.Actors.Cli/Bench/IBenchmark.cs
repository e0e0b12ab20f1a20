namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// Something that measures one or more figures and adds them to the context. Blocking
/// benchmarks may simply run synchronously and return a completed task.
/// </summary>
internal interface IBenchmark
{
    /// <summary>Shown in progress lines and failure notes.</summary>
    string Name { get; }

    Task RunAsync(BenchContext context, CancellationToken cancellation);
}
