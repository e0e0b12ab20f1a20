namespace Ptm.Actors.Cli.ClusterSoak.Coordinator;

/// <summary>
/// The N places a node process can stand in: each holds its live process or none while a killed
/// one restarts. The node_kill fault lives here: it kills only when every slot is up, so at most
/// one node is down at a time and the rest stay a majority (keep-majority downs the lost one, CL6).
/// </summary>
internal sealed class NodeSlots(ClusterSoakOptions options, ClusterSoakFigures figures, TextWriter log) : IAsyncDisposable
{
    private readonly NodeLink?[] _links = new NodeLink?[options.Nodes];
    private readonly int[] _incarnations = new int[options.Nodes];
    private readonly List<NodeLink> _everStarted = [];
    private readonly List<Task> _restarts = [];
    private readonly Lock _gate = new();
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Starts the first node, which founds the cluster, then the others seeded by it.</summary>
    public async Task StartAsync()
    {
        _links[0] = await StartNodeAsync(0, []).ConfigureAwait(false);
        var first = _links[0]!.Address;
        var others = await Task.WhenAll(Enumerable.Range(1, options.Nodes - 1).Select(slot => StartNodeAsync(slot, [first]))).ConfigureAwait(false);
        for (var slot = 1; slot < options.Nodes; slot++) _links[slot] = others[slot - 1];
    }

    /// <summary>The processes up now.</summary>
    public IReadOnlyList<NodeLink> Up
    {
        get
        {
            lock (_gate) return [.. _links.Where(link => link is not null && !link.Gone.IsCompleted).Select(link => link!)];
        }
    }

    /// <summary>Every process started in the run, killed ones included: the per-node reports.</summary>
    public IReadOnlyList<NodeFigures> Figures
    {
        get
        {
            lock (_gate) return [.. _everStarted.Select(link => new NodeFigures(link.Name, link.Totals.Sides, link.Totals.Written, link.Totals.Read, link.Gone.IsCompleted))];
        }
    }

    /// <summary>node_kill: kills a node at random if every slot is up; its slot restarts after the options' delay.</summary>
    public bool TryKillOne(Random random)
    {
        NodeLink victim;
        int slot;
        lock (_gate)
        {
            if (_links.Any(link => link is null || link.Gone.IsCompleted)) return false;
            slot = random.Next(_links.Length);
            victim = _links[slot]!;
            _links[slot] = null;
        }
        victim.Kill();
        figures.NodeKilled();
        log.WriteLine($"node_kill: {victim.Name} ({victim.Address})");
        lock (_gate) _restarts.Add(RestartAsync(slot));
        return true;
    }

    /// <summary>Waits for every restart under way; afterwards no slot is left empty unless its restart failed (harness_error).</summary>
    public async Task WhenRestartedAsync()
    {
        Task[] pending;
        lock (_gate) pending = [.. _restarts];
        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    private async Task RestartAsync(int slot)
    {
        await Task.Delay(options.RestartDelay).ConfigureAwait(false); // the node stays down a while, as after a crash
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var link = await StartNodeAsync(slot, [.. Up.Select(up => up.Address)]).ConfigureAwait(false);
                lock (_gate) _links[slot] = link;
                figures.NodeRestarted();
                log.WriteLine($"restarted: {link.Name} ({link.Address})");
                return;
            }
            catch (InvalidOperationException failed) when (attempt < 3)
            {
                log.WriteLine($"restart of slot {slot + 1} failed, trying again: {failed.Message}");
            }
            catch (InvalidOperationException failed)
            {
                figures.Violation("harness_error", -1, $"slot {slot + 1} could not start a node again: {failed.Message}");
                return;
            }
        }
    }

    private async Task<NodeLink> StartNodeAsync(int slot, IReadOnlyList<string> seeds)
    {
        int incarnation;
        lock (_gate) incarnation = _incarnations[slot]++;
        var name = incarnation == 0 ? $"n{slot + 1}" : $"n{slot + 1}.{incarnation}";
        var link = await NodeLink.StartAsync(name, seeds, options.FailureDetection, StartTimeout,
            (node, session, violation) => OnViolation(node, session, violation)).ConfigureAwait(false);
        lock (_gate) _everStarted.Add(link);
        return link;
    }

    /// <summary>A node's own check failed ("data_corrupt DETAIL"): CL9 seen by the reader.</summary>
    private void OnViolation(NodeLink node, long session, string violation)
    {
        var space = violation.IndexOf(' ');
        figures.Violation(space > 0 ? violation[..space] : violation, session, $"on {node.Name}: {(space > 0 ? violation[(space + 1)..] : "")}");
    }

    public async ValueTask DisposeAsync()
    {
        NodeLink[] all;
        lock (_gate) all = [.. _everStarted];
        foreach (var link in all) await link.DisposeAsync().ConfigureAwait(false);
    }
}
