namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// The suites `ptm bench` knows and the benchmarks in each, in registration order.
/// <see cref="BenchCatalog"/> fills it; the command's accepted suite names come from here.
/// </summary>
internal sealed class BenchRegistry
{
    public const string All = "all";

    private readonly List<string> _suites = [];
    private readonly Dictionary<string, List<IBenchmark>> _benchmarks = new(StringComparer.Ordinal);

    public IReadOnlyList<string> SuiteNames => _suites;

    /// <summary>Declares <paramref name="suite"/> (once) and appends the benchmarks to it.</summary>
    public BenchRegistry Add(string suite, params IBenchmark[] benchmarks)
    {
        if (string.IsNullOrWhiteSpace(suite) || suite == All)
            throw new ArgumentException($"'{suite}' cannot name a suite", nameof(suite));
        if (!_benchmarks.TryGetValue(suite, out var list))
        {
            _benchmarks[suite] = list = [];
            _suites.Add(suite);
        }
        list.AddRange(benchmarks);
        return this;
    }

    /// <summary>A benchmark written inline: <c>registry.Add("kernel", "ping-pong", async (ctx, ct) => ...)</c>.</summary>
    public BenchRegistry Add(string suite, string name, Func<BenchContext, CancellationToken, Task> run) =>
        Add(suite, new DelegateBenchmark(name, run));

    public bool Contains(string suite) => _benchmarks.ContainsKey(suite);

    public IReadOnlyList<IBenchmark> BenchmarksOf(string suite) =>
        _benchmarks.TryGetValue(suite, out var list) ? list : throw new ArgumentException($"no suite '{suite}'", nameof(suite));

    /// <summary>The suites a command-line choice stands for: one name, or every suite for "all".</summary>
    public IReadOnlyList<string> Resolve(string choice) =>
        choice == All ? _suites
        : Contains(choice) ? [choice]
        : throw new ArgumentException($"unknown suite '{choice}'; expected {string.Join(", ", _suites)} or {All}", nameof(choice));
}
