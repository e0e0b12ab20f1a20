namespace Ptm.Actors.Cli.Bench;

/// <summary>A figure that this machine could not measure, and why.</summary>
internal sealed record UnavailableFigure(string Suite, string Key, string Reason);

/// <summary>A benchmark that threw instead of reporting.</summary>
internal sealed record BenchFailure(string Suite, string Benchmark, string Message);

/// <summary>
/// Everything one `ptm bench` run measured, in the order it was measured: the figures, the
/// figures that were unavailable, the benchmarks that failed, and suites with nothing in them.
/// </summary>
internal sealed class BenchReport
{
    private readonly List<Figure> _figures = [];
    private readonly Dictionary<string, Figure> _byKey = new(StringComparer.Ordinal);
    private readonly List<UnavailableFigure> _unavailable = [];
    private readonly List<BenchFailure> _failures = [];
    private readonly List<string> _emptySuites = [];

    public IReadOnlyList<Figure> Figures => _figures;
    public IReadOnlyList<UnavailableFigure> Unavailable => _unavailable;
    public IReadOnlyList<BenchFailure> Failures => _failures;
    public IReadOnlyList<string> EmptySuites => _emptySuites;

    public void Add(string suite, Figure figure)
    {
        // JSON keys must be unique, and two figures under one key would hide a mistake.
        if (!_byKey.TryAdd(figure.Key, figure))
            throw new InvalidOperationException($"figure {figure.Key} reported twice (suite {suite})");
        _figures.Add(figure);
    }

    public void AddUnavailable(string suite, string key, string reason) => _unavailable.Add(new(suite, key, reason));

    public void AddFailure(string suite, string benchmark, string message) => _failures.Add(new(suite, benchmark, message));

    public void AddEmptySuite(string suite) => _emptySuites.Add(suite);

    public Figure? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The figure's baseline, when one is declared and was measured in this run.</summary>
    public Figure? BaselineOf(Figure figure) => BaselineMap.For(figure) is { } key ? Find(key) : null;

    /// <summary>value / baseline value; null without a measured, non-zero baseline.</summary>
    public double? RatioOf(Figure figure) =>
        BaselineOf(figure) is { Value: not 0 } baseline ? figure.Value / baseline.Value : null;

    public bool IsUnavailable(string key)
    {
        foreach (var u in _unavailable)
            if (u.Key == key) return true;
        return false;
    }
}
