using System.Collections.Concurrent;
using System.Diagnostics;
using Ptm.Actors.Cli.ClusterSoak.Node;

namespace Ptm.Actors.Cli.ClusterSoak.Coordinator;

/// <summary>A node's process has exited (killed as a fault, downed, or crashed): what was asked of it has no answer.</summary>
internal sealed class NodeGoneException(string node) : Exception($"node {node} is gone");

/// <summary>
/// The coordinator's hold on one `ptm node` process (NodeAgent speaks the other end): asks
/// carry an id and run concurrently, each bounded; events reach the coordinator as they come;
/// Kill is the node_kill fault, a crash as the cluster sees one (no leaving, no closes).
/// </summary>
internal sealed class NodeLink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<string>> _asks = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _log = new();
    private readonly Action<NodeLink, long, string> _violation;
    private int _nextId;

    private NodeLink(string name, Process process, Action<NodeLink, long, string> violation)
    {
        Name = name;
        _process = process;
        _violation = violation;
    }

    /// <summary>"n2" for slot 2's first process, "n2.1" for its first restart.</summary>
    public string Name { get; }

    /// <summary>Its cluster address, once ready.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Completes when the process has exited.</summary>
    public Task Gone => _gone.Task;

    /// <summary>The node's last totals: sides opened, bytes written, bytes read.</summary>
    public (long Sides, long Written, long Read) Totals { get; private set; }

    /// <summary>Starts `ptm node` and waits until it is a cluster member that is up.</summary>
    public static async Task<NodeLink> StartAsync(string name, IEnumerable<string> seeds, TimeSpan failureDetection, TimeSpan timeout, Action<NodeLink, long, string> violation)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(NodeCommand).Assembly.Location); // ptm.dll, whether ptm runs from its apphost or under a test host
        foreach (var argument in NodeCommand.Arguments(seeds, failureDetection)) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node " + name);
        var link = new NodeLink(name, process, violation);
        process.OutputDataReceived += (_, e) => link.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => link.Keep(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => link.OnExit();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (process.HasExited) link.OnExit();
        try
        {
            link.Address = await link._ready.Task.WaitAsync(timeout).ConfigureAwait(false);
            return link;
        }
        catch (Exception failed)
        {
            await link.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"node {name} did not start: {(failed is TimeoutException ? $"not ready within {timeout.TotalSeconds:0} s" : failed.Message)}; its log: {link.Log}");
        }
    }

    /// <summary>The dotnet that runs us (the SDK passes its path down to test hosts), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    /// <summary>Sends "VERB ARGS" and returns the reply after "ok" (or throws PtyException-like text as <see cref="NodeAskFailed"/>), within <paramref name="timeout"/>.</summary>
    public async Task<string> AskAsync(string command, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _asks[id] = reply;
        if (Gone.IsCompleted) reply.TrySetException(new NodeGoneException(Name));
        else
        {
            try
            {
                // One line and its flush under one lock: a StreamWriter is not thread-safe, and a
                // flush outside it, racing another ask's line, can write a line twice (the likely
                // cause of an "ended" answered ENOENT in a loaded CI run: a second copy found the
                // side already forgotten, and its answer came first).
                lock (_process)
                {
                    _process.StandardInput.WriteLine(id + " " + command);
                    _process.StandardInput.Flush();
                }
            }
            catch (IOException)
            {
                reply.TrySetException(new NodeGoneException(Name));
            }
        }
        try
        {
            var line = await reply.Task.WaitAsync(timeout).ConfigureAwait(false);
            return line.StartsWith("ok", StringComparison.Ordinal) ? line[2..].TrimStart() : throw new NodeAskFailed(Name, command, line["err ".Length..]);
        }
        catch (TimeoutException)
        {
            throw new NodeAskFailed(Name, command, $"no answer within {timeout.TotalSeconds:0} s");
        }
        finally
        {
            _asks.TryRemove(id, out _);
        }
    }

    /// <summary>Kills the process at once: the node_kill fault.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it had exited already
        }
    }

    /// <summary>The node's last log lines (stderr, Akka.NET's warnings), for a failure message.</summary>
    public string Log => string.Join(" | ", _log);

    private void OnLine(string? line)
    {
        if (line is null) return;
        if (line.StartsWith("ready ", StringComparison.Ordinal)) _ready.TrySetResult(line["ready ".Length..]);
        else if (line.StartsWith("event ", StringComparison.Ordinal)) OnEvent(line["event ".Length..].Split(' ', 4));
        else if (line.IndexOf(' ') is > 0 and var space && int.TryParse(line.AsSpan(0, space), out var id) && _asks.TryGetValue(id, out var ask))
            ask.TrySetResult(line[(space + 1)..]);
        else Keep(line);
    }

    private void OnEvent(string[] words)
    {
        switch (words[0])
        {
            case "totals" when words.Length == 4:
                Totals = (long.Parse(words[1]), long.Parse(words[2]), long.Parse(words[3]));
                break;
            case "violation" when words.Length == 4:
                _violation(this, long.Parse(words[1]), words[2] + " " + words[3]);
                break;
            default:
                Keep("event " + string.Join(' ', words));
                break;
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _log.Enqueue(line);
        while (_log.Count > 20) _log.TryDequeue(out _);
    }

    private void OnExit()
    {
        _ready.TrySetException(new NodeGoneException(Name));
        _gone.TrySetResult();
        foreach (var ask in _asks.Values) ask.TrySetException(new NodeGoneException(Name));
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Gone.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }
}

/// <summary>A node answered an ask with an error, or not in time.</summary>
internal sealed class NodeAskFailed(string node, string command, string error) : Exception($"node {node}: '{command}' failed: {error}")
{
    public string Error { get; } = error;
}
