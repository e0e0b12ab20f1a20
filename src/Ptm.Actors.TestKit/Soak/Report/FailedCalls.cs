namespace Ptm.Actors.TestKit.Soak.Report;

/// <summary>One line of the breakdown: calls that failed with this errno for this cause.</summary>
internal sealed record FailedCallRow(string Errno, FailureCause Cause, long Count)
{
    public bool Expected => FailureCauses.IsExpected(Cause);
}

/// <summary>
/// The calls that returned an error, by errno and cause (CallFailureClassifier), largest first.
/// Expected is what the workload provokes or runs into by the rules; Unattributed is the rest.
/// </summary>
internal sealed record FailedCalls(IReadOnlyList<FailedCallRow> Rows)
{
    public static readonly FailedCalls None = new([]);

    public long Total => Rows.Sum(row => row.Count);
    public long Unattributed => Rows.Where(row => !row.Expected).Sum(row => row.Count);
    public long Expected => Total - Unattributed;

    /// <summary>Every cause with its count, zero included, in FailureCause order.</summary>
    public IReadOnlyList<KeyValuePair<FailureCause, long>> ByCause =>
        [.. FailureCauses.All.Select(cause => new KeyValuePair<FailureCause, long>(cause, Rows.Where(row => row.Cause == cause).Sum(row => row.Count)))];

    /// <summary>Every errno seen with its count, largest first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByErrno =>
        [.. Rows.GroupBy(row => row.Errno, StringComparer.Ordinal)
            .Select(group => new KeyValuePair<string, long>(group.Key, group.Sum(row => row.Count)))
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)];
}

/// <summary>Counts failed calls by errno and cause as they complete (not thread-safe: the sink serialises).</summary>
internal sealed class FailedCallCounter
{
    private readonly Dictionary<(string Errno, FailureCause Cause), long> _counts = new();

    public void Add(string errno, FailureCause cause) => _counts[(errno, cause)] = _counts.GetValueOrDefault((errno, cause)) + 1;

    public FailedCalls Snapshot() => new(
        [.. _counts.Select(pair => new FailedCallRow(pair.Key.Errno, pair.Key.Cause, pair.Value))
            .OrderByDescending(row => row.Count).ThenBy(row => row.Errno, StringComparer.Ordinal).ThenBy(row => row.Cause)]);
}
