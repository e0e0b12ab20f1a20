using Serilog;

namespace Ptm.Actors.TestKit.Soak.Oracle;

/// <summary>One violation as the report shows it.</summary>
internal sealed record Violation(ViolationKind Kind, long Session, string Detail)
{
    // Details about a stream already start with "session N".
    public override string ToString() =>
        Session >= 0 && !Detail.StartsWith($"session {Session} ", StringComparison.Ordinal) ? $"session {Session}: {Detail}" : Detail;
}

/// <summary>
/// Violations counted by kind, keeping the first example of each. Each violation is logged at
/// Error; after <see cref="LoggedPerKind"/> of one kind the rest are only counted, so a badly
/// broken run cannot bury the report under millions of log lines.
/// </summary>
internal sealed class ViolationLog
{
    public const int LoggedPerKind = 20;

    private readonly long[] _counts = new long[ViolationKinds.All.Length];
    private readonly Violation?[] _first = new Violation?[ViolationKinds.All.Length];
    private readonly ILogger _logger;
    private readonly List<Violation> _logged = new();

    public ViolationLog(ILogger logger) => _logger = logger;

    public long Total { get; private set; }

    public long Count(ViolationKind kind) => _counts[(int)kind];

    public Violation? First(ViolationKind kind) => _first[(int)kind];

    /// <summary>Every violation that was logged (the first <see cref="LoggedPerKind"/> of each kind), in order.</summary>
    public IReadOnlyList<Violation> Logged => _logged;

    public void Record(ViolationKind kind, long session, string detail)
    {
        var index = (int)kind;
        _counts[index]++;
        Total++;
        if (_first[index] is null) _first[index] = new Violation(kind, session, detail);
        if (_counts[index] <= LoggedPerKind)
        {
            _logged.Add(new Violation(kind, session, detail));
            _logger.Error("Soak violation {Kind} in session {Session}: {Detail}", ViolationKinds.Name(kind), session, detail);
        }
        else if (_counts[index] == LoggedPerKind + 1)
            _logger.Error("Soak violation {Kind}: more than {Logged} seen, further ones are counted but not logged", ViolationKinds.Name(kind), LoggedPerKind);
    }
}
