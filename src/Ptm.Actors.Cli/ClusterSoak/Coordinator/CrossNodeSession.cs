using System.Globalization;

namespace Ptm.Actors.Cli.ClusterSoak.Coordinator;

/// <summary>
/// One session of `ptm soak --nodes`: a manager opened on one node, its subsidiary opened by
/// name on another (CL2, CL3), both writing and reading until the session's lifetime is over,
/// the run ends or a node of theirs is killed. What each ending must show:
/// * in order (both nodes up): each side reads all its peer's writes accepted (CL9, PD14), then
///   the subsidiary closes and the manager reads end of file (L13);
/// * a node lost (CL6, PD13): the survivor ends by itself within the patience, a subsidiary
///   by its hang-up (L15), a manager by end of file (L13). What it read is a prefix of what was
///   written (the readers' StreamCheck); the suffix in flight may be lost with the node (CL9).
/// </summary>
internal sealed class CrossNodeSession(long id, NodeLink manager, NodeLink subsidiary, ClusterSoakOptions options, ClusterSoakFigures figures)
{
    /// <summary>An open takes several directory and Clone calls of up to 15 s each (PtyNode.CallTimeout).</summary>
    private static readonly TimeSpan OpenBound = TimeSpan.FromSeconds(90);
    private TimeSpan Bound => options.Patience + TimeSpan.FromSeconds(15); // the node's own wait, then its reply
    private string Patience => options.Patience.TotalSeconds.ToString(CultureInfo.InvariantCulture);
    private bool _subsidiaryClosed;

    /// <summary>Opens the pair, lets it run until <paramref name="endNow"/> or a node of its is lost, and checks how it ends.</summary>
    public async Task RunAsync(Task endNow)
    {
        figures.SessionStarted();
        if (!await OpenAsync().ConfigureAwait(false)) return;
        figures.SessionOpened();
        var lost = Task.WhenAny(manager.Gone, subsidiary.Gone);
        await Task.WhenAny(endNow, lost).ConfigureAwait(false);
        if (!lost.IsCompleted)
        {
            try
            {
                await EndInOrderAsync().ConfigureAwait(false);
                return;
            }
            catch (SessionAbandoned)
            {
                return; // a call that hung is reported already; the session's nodes are up, so there is no loss to check
            }
            catch (NodeGoneException)
            {
                // a node of the session was killed while it ended: the loss decides
            }
        }
        await EndByLossAsync().ConfigureAwait(false);
    }

    private async Task<bool> OpenAsync()
    {
        string name;
        try
        {
            name = await manager.AskAsync($"m {id}", OpenBound).ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is NodeGoneException or NodeAskFailed)
        {
            OpenFailed(failed);
            return false;
        }
        try
        {
            await subsidiary.AskAsync($"s {id} {name}", OpenBound).ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is NodeGoneException or NodeAskFailed)
        {
            OpenFailed(failed);
            if (!manager.Gone.IsCompleted) await QuietlyAsync(manager.AskAsync($"close {id}", Bound)).ConfigureAwait(false);
            return false;
        }
        // D9: the manager writes only now that its subsidiary is open. A node lost meanwhile is the loss path's.
        await QuietlyAsync(manager.AskAsync($"run {id}", Bound)).ConfigureAwait(false);
        return true;
    }

    private void OpenFailed(Exception failed)
    {
        if (failed is NodeAskFailed { Error: var error } && error.StartsWith("no answer", StringComparison.Ordinal))
            figures.Violation("call_hung", id, failed.Message); // a node that does not answer an open at all
        else figures.OpenFailed(failed is NodeAskFailed asked ? asked.Error.Split(' ')[0].TrimEnd(':') : "node gone");
    }

    private async Task EndInOrderAsync()
    {
        var toSubsidiary = Number(await Ask(manager, $"stop {id}", "a write of the manager did not complete"));
        var toManager = Number(await Ask(subsidiary, $"stop {id}", "a write of the subsidiary did not complete"));
        var drained = await Task.WhenAll(
            Ask(subsidiary, $"drain {id} {toSubsidiary} {Patience}", "the subsidiary's read did not complete"),
            Ask(manager, $"drain {id} {toManager} {Patience}", "the manager's read did not complete")).ConfigureAwait(false);
        var (readBySubsidiary, readByManager) = (Number(drained[0]), Number(drained[1]));
        if (readBySubsidiary < toSubsidiary) Lost("subsidiary", subsidiary, readBySubsidiary, "manager", toSubsidiary);
        if (readByManager < toManager) Lost("manager", manager, readByManager, "subsidiary", toManager);
        await Ask(subsidiary, $"close {id}", "the subsidiary's close did not complete");
        _subsidiaryClosed = true;
        var ended = await Ask(manager, $"ended {id} {Patience}", "the manager did not read end of file after its subsidiary's last close (L13)");
        if (ended.Split(' ')[0] != "eof")
            figures.Violation("eof_not_once", id, $"the manager on {manager.Name} ended with '{ended}' after its subsidiary's last close, not end of file (L13)");
        figures.SessionEnded(readBySubsidiary, readByManager);
    }

    private void Lost(string reader, NodeLink node, long read, string writer, long accepted) =>
        figures.Violation("data_loss", id, $"the {reader} on {node.Name} read {read:N0} of the {accepted:N0} bytes its {writer}'s writes accepted, with both nodes up (CL9, PD14)");

    /// <summary>An ask the rules owe an answer: no answer within the patience is call_hung; a node gone is the caller's to handle.</summary>
    private async Task<string> Ask(NodeLink node, string command, string hung)
    {
        try
        {
            return await node.AskAsync(command, Bound).ConfigureAwait(false);
        }
        catch (NodeAskFailed failed) when (node.Gone.IsCompleted)
        {
            throw new NodeGoneException(node.Name + " (" + failed.Error + ")");
        }
        catch (NodeAskFailed failed)
        {
            figures.Violation("call_hung", id, $"on {node.Name}: {hung}: {failed.Error}");
            throw new SessionAbandoned(); // nothing more can be asked of this session
        }
    }

    /// <summary>A call of the session hung (reported as call_hung): the session ends there, with no loss to check.</summary>
    private sealed class SessionAbandoned : Exception;

    private async Task EndByLossAsync()
    {
        figures.SessionLost();
        var managerLost = manager.Gone.IsCompleted;
        var survivor = managerLost ? subsidiary : manager;
        if (survivor.Gone.IsCompleted || (managerLost && _subsidiaryClosed)) return; // nobody left to check
        var dead = managerLost ? manager : subsidiary;
        var role = managerLost ? "subsidiary" : "manager";
        try
        {
            var reason = (await survivor.AskAsync($"ended {id} {Patience}", Bound).ConfigureAwait(false)).Split(' ')[0];
            var expected = managerLost ? new[] { "hangup", "EIO" } : ["eof"];
            if (!expected.Contains(reason))
                figures.Violation(managerLost ? "hangup_missing" : "eof_not_once", id,
                    $"node {dead.Name} was killed; the {role} on {survivor.Name} ended with '{reason}', not {(managerLost ? "its hang-up (L15)" : "end of file (L13)")} (CL6)");
        }
        catch (NodeAskFailed failed) when (!survivor.Gone.IsCompleted)
        {
            figures.Violation("call_hung", id, $"node {dead.Name} was killed; the {role} on {survivor.Name} had not ended {Patience} s later (CL6, PD13: node loss is a close): {failed.Error}");
        }
        catch (Exception failed) when (failed is NodeGoneException or NodeAskFailed)
        {
            // the survivor's node was killed too
        }
    }

    private static async Task QuietlyAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is NodeGoneException or NodeAskFailed)
        {
            // best effort: a node lost here is seen by the caller's next step
        }
    }

    private static long Number(string reply) => long.Parse(reply.Split(' ')[0], CultureInfo.InvariantCulture);
}
