using System.CommandLine;
using System.Globalization;
using Ptm.Actors.Cluster;

namespace Ptm.Actors.Cli.ClusterSoak.Node;

/// <summary>
/// `ptm node` (hidden): one cluster node of `ptm soak --nodes`, a process of its own that the
/// coordinator starts, drives over stdin and stdout (NodeAgent) and kills as a node_kill fault.
/// It prints "ready ADDRESS" once it is a member that is up.
/// </summary>
internal static class NodeCommand
{
    public static Command Build()
    {
        var command = new Command("node", "One cluster node of `ptm soak --nodes`, driven over stdin and stdout (internal)") { Hidden = true };
        var seeds = new Option<string[]>("--seed") { Description = "A seed node's address; none founds the cluster", AllowMultipleArgumentsPerToken = false };
        var failureDetection = new Option<int>("--failure-detection-ms") { DefaultValueFactory = _ => 2000 };
        command.Options.Add(seeds);
        command.Options.Add(failureDetection);
        command.SetAction((parsed, cancellationToken) => RunAsync(new PtyNodeOptions
        {
            Seeds = parsed.GetValue(seeds) ?? [],
            FailureDetection = TimeSpan.FromMilliseconds(parsed.GetValue(failureDetection)),
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(PtyNodeOptions options, CancellationToken cancellationToken)
    {
        using var joining = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        joining.CancelAfter(TimeSpan.FromSeconds(60));
        await using var node = await PtyNode.StartAsync(options, joining.Token).ConfigureAwait(false);
        Console.Out.WriteLine("ready " + node.Address);
        Console.Out.Flush();
        // Downed (CL6, CL10): the node's actor system is gone, so is the node.
        using var downed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = node.ActorSystem.WhenTerminated.ContinueWith(_ => downed.Cancel(), TaskScheduler.Default);
        try
        {
            await new NodeAgent(node, Console.Out).RunAsync(Console.In, downed.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (downed.IsCancellationRequested)
        {
            Console.Out.WriteLine("event downed");
            return 1;
        }
        return 0;
    }

    /// <summary>The arguments that start a node seeded by <paramref name="seeds"/>.</summary>
    public static IEnumerable<string> Arguments(IEnumerable<string> seeds, TimeSpan failureDetection)
    {
        yield return "node";
        foreach (var seed in seeds)
        {
            yield return "--seed";
            yield return seed;
        }
        yield return "--failure-detection-ms";
        yield return ((int)failureDetection.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
    }
}
