using System.Diagnostics;
using System.Globalization;

namespace Ptm.Actors.Cli.ClusterSoak.Coordinator;

/// <summary>
/// `ptm soak --nodes N`: N `ptm node` processes on loopback form one cluster; sessions spread over
/// them, each with its subsidiary on another node than its manager (CrossNodeSession); node_kill
/// kills a node now and then and starts a new process in its slot. At the end every session
/// ends in order and the run checks CL8: no name left in the directory, no minor on any node.
/// The nodes' own checks (CL9) arrive as events; the per-node totals are merged into one report.
/// </summary>
internal sealed class ClusterSoakRun(ClusterSoakOptions options, TextWriter log)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);
    private readonly ClusterSoakFigures _figures = new();
    private readonly TaskCompletionSource _endAll = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<ClusterSoakReport> RunAsync(CancellationToken interrupt)
    {
        var clock = Stopwatch.StartNew();
        await using var slots = new NodeSlots(options, _figures, log);
        var interrupted = false;
        try
        {
            await slots.StartAsync().ConfigureAwait(false);
            log.WriteLine($"{options.Nodes} nodes up in {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", slots.Up.Select(node => node.Name + " " + node.Address))}");
            interrupted = await DriveAsync(slots, interrupt).ConfigureAwait(false);
            await slots.WhenRestartedAsync().ConfigureAwait(false);
            await CheckNothingLeftAsync(slots).ConfigureAwait(false);
        }
        catch (InvalidOperationException failed)
        {
            _figures.Violation("harness_error", -1, failed.Message); // a node that would not start: the run proves nothing
        }
        return ClusterSoakReport.Of(options, _figures, slots.Figures, clock.Elapsed, interrupted);
    }

    /// <summary>Keeps options.Ptys sessions live and injects node kills until the duration is over; then ends every session. True if interrupted.</summary>
    private async Task<bool> DriveAsync(NodeSlots slots, CancellationToken interrupt)
    {
        var random = new Random((int)(options.Seed ^ (options.Seed >> 32)));
        var kills = new Random(random.Next()); // the victims' own draws, apart from the sessions' placements
        var sessions = new List<Task>();
        var clock = Stopwatch.StartNew();
        var nextKill = NextKill(kills, TimeSpan.Zero);
        var nextProgress = ProgressInterval;
        long nextId = 1;
        while (clock.Elapsed < options.Duration && !interrupt.IsCancellationRequested)
        {
            sessions.RemoveAll(session => session.IsCompleted);
            while (sessions.Count < options.Ptys && slots.Up.Count >= 2) sessions.Add(StartSession(nextId++, slots, random));
            if (clock.Elapsed >= nextKill && slots.TryKillOne(kills)) nextKill = NextKill(kills, clock.Elapsed);
            if (clock.Elapsed >= nextProgress)
            {
                log.WriteLine($"{clock.Elapsed.TotalSeconds:0}s: {slots.Up.Count} nodes up, {sessions.Count} sessions live, {_figures.SessionsStarted} started, {_figures.NodeKills} node kills, {_figures.TotalViolations} violations");
                nextProgress += ProgressInterval;
            }
            // The run loop's tick: it wakes for a session that ended, or to look at the clock again.
            await Task.WhenAny(sessions.Append(Task.Delay(100, CancellationToken.None))).ConfigureAwait(false);
        }
        _endAll.TrySetResult();
        log.WriteLine($"ending {sessions.Count(session => !session.IsCompleted)} sessions in order");
        await Task.WhenAll(sessions).ConfigureAwait(false); // each ask in them is bounded
        return interrupt.IsCancellationRequested;
    }

    private TimeSpan NextKill(Random random, TimeSpan now) =>
        options.NodeKillInterval <= TimeSpan.Zero ? TimeSpan.MaxValue : now + options.NodeKillInterval * (0.5 + random.NextDouble());

    private Task StartSession(long id, NodeSlots slots, Random random)
    {
        var up = slots.Up;
        var manager = random.Next(up.Count);
        var subsidiary = (manager + 1 + random.Next(up.Count - 1)) % up.Count; // another node than the manager's
        var session = new CrossNodeSession(id, up[manager], up[subsidiary], options, _figures);
        var lifetime = TimeSpan.FromMilliseconds(random.Next(1_000, 8_000));
        return Task.Run(() => session.RunAsync(Task.WhenAny(Task.Delay(lifetime), _endAll.Task)));
    }

    /// <summary>CL8, L16: once every session has ended, the directory holds no name and no node a minor (a death notice may take a moment: polled, bounded).</summary>
    private async Task CheckNothingLeftAsync(NodeSlots slots)
    {
        var deadline = Stopwatch.StartNew();
        var left = "";
        while (deadline.Elapsed < options.Patience)
        {
            left = await CountLeftAsync(slots).ConfigureAwait(false);
            if (left.Length == 0) return;
            await Task.Delay(250).ConfigureAwait(false); // between polls of a remote condition, not a barrier: the loop ends on the condition
        }
        _figures.Violation("minor_leak", -1, $"{options.Patience.TotalSeconds:0} s after the last session ended: {left} (CL8, L16)");
    }

    private static async Task<string> CountLeftAsync(NodeSlots slots)
    {
        var parts = new List<string>();
        var names = -1L;
        foreach (var node in slots.Up)
        {
            try
            {
                var counts = (await node.AskAsync("count", TimeSpan.FromSeconds(15)).ConfigureAwait(false)).Split(' ');
                names = Math.Max(names, long.Parse(counts[0], CultureInfo.InvariantCulture));
                if (counts[1] != "0") parts.Add($"{counts[1]} minors on {node.Name}");
            }
            catch (Exception failed) when (failed is NodeGoneException or NodeAskFailed)
            {
                parts.Add($"{node.Name} did not count ({failed.Message})");
            }
        }
        if (names != 0) parts.Insert(0, names < 0 ? "no node counted the directory's names" : $"{names} names still given by the directory");
        return string.Join(", ", parts);
    }
}
