using System.Text.Json.Serialization;
using Ptm.Actors.Cli.Commands;

namespace Ptm.Actors.Cli.ClusterSoak;

/// <summary>
/// The merged report of `ptm soak --nodes`: the run's sessions and faults as the coordinator
/// counted them, each node process's own totals (killed ones included, as last reported), and
/// every violation kind, zero included. Printed as text, and as JSON with --json.
/// </summary>
internal sealed record ClusterSoakReport
{
    public required long Seed { get; init; }
    public required int Nodes { get; init; }
    public required int Ptys { get; init; }
    public required double DurationS { get; init; }
    public required bool Interrupted { get; init; }
    public required long Sessions { get; init; }
    public required long SessionsOpened { get; init; }
    public required long EndedInOrder { get; init; }
    public required long EndedByNodeLoss { get; init; }
    public required IReadOnlyDictionary<string, long> OpenFailures { get; init; }
    public required long BytesToSubsidiaries { get; init; }
    public required long BytesToManagers { get; init; }
    public required IReadOnlyDictionary<string, long> Faults { get; init; }
    public required IReadOnlyList<NodeFigures> PerNode { get; init; }
    public required IReadOnlyDictionary<string, long> Violations { get; init; }
    public required IReadOnlyList<ClusterViolation> Examples { get; init; }
    public required long ViolationCount { get; init; }

    /// <summary>0 with no violation, 1 with any, 130 when Ctrl+C stopped a clean run (ExitCodes).</summary>
    public int ExitCode => ViolationCount > 0 ? ExitCodes.Failures : Interrupted ? ExitCodes.Interrupted : ExitCodes.Success;

    public static ClusterSoakReport Of(ClusterSoakOptions options, ClusterSoakFigures figures, IReadOnlyList<NodeFigures> nodes, TimeSpan elapsed, bool interrupted) => new()
    {
        Seed = options.Seed,
        Nodes = options.Nodes,
        Ptys = options.Ptys,
        DurationS = Math.Round(elapsed.TotalSeconds, 1),
        Interrupted = interrupted,
        Sessions = figures.SessionsStarted,
        SessionsOpened = figures.SessionsOpened,
        EndedInOrder = figures.EndedOrderly,
        EndedByNodeLoss = figures.EndedByLoss,
        OpenFailures = new SortedDictionary<string, long>(figures.OpenFailures.ToDictionary(), StringComparer.Ordinal),
        BytesToSubsidiaries = figures.Bytes.ToSubsidiaries,
        BytesToManagers = figures.Bytes.ToManagers,
        Faults = new Dictionary<string, long> { ["node_kill"] = figures.NodeKills, ["node_restart"] = figures.Restarts },
        PerNode = nodes,
        Violations = ClusterSoakFigures.Kinds.ToDictionary(kind => kind, kind => figures.Violations[kind]),
        Examples = figures.Examples,
        ViolationCount = figures.TotalViolations,
    };

    public void Render(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Cross-node soak: {Nodes} nodes, {Ptys} sessions live, {DurationS:0.0} s{(Interrupted ? " (interrupted)" : "")}, seed {Seed}");
        output.WriteLine($"  sessions      {Sessions:N0} started, {SessionsOpened:N0} opened, {EndedInOrder:N0} ended in order, {EndedByNodeLoss:N0} ended by node loss");
        output.WriteLine($"  opens failed  {(OpenFailures.Count == 0 ? "none" : string.Join(", ", OpenFailures.Select(pair => $"{pair.Key} {pair.Value:N0}")))} (expected while a node or the directory is lost)");
        output.WriteLine($"  bytes         {BytesToSubsidiaries:N0} manager to subsidiary, {BytesToManagers:N0} subsidiary to manager (sessions ended in order, all checked)");
        output.WriteLine($"  faults        {string.Join(", ", Faults.Select(pair => $"{pair.Key} {pair.Value:N0}"))}");
        output.WriteLine("  per node      sides opened / bytes written / bytes read");
        foreach (var node in PerNode)
            output.WriteLine($"    {node.Name,-6} {node.Sides,8:N0} {node.Written,14:N0} {node.Read,14:N0}{(node.Killed ? "  (killed; its last report)" : "")}");
        output.WriteLine($"  violations    {ViolationCount:N0}{(ViolationCount == 0 ? "" : ": " + string.Join(", ", Violations.Where(pair => pair.Value > 0).Select(pair => $"{pair.Key} {pair.Value:N0}")))}");
        foreach (var violation in Examples)
            output.WriteLine($"    {violation.Kind} session {violation.Session}: {violation.Detail}");
        output.Flush();
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ClusterSoakReport))]
internal sealed partial class ClusterSoakJsonContext : JsonSerializerContext;
