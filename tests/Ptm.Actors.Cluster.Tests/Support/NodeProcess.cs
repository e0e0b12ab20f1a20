using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;

namespace Ptm.Actors.Cluster.Tests.Support;

/// <summary>
/// One cluster node in a child process (NodeHost/Program.cs): this test assembly run as a
/// program. Commands go in on stdin; every wait for an answer or an event is bounded, and
/// disposing kills the process if it is still running.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _replies = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _errors = new();

    private NodeProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>The node's name in failure messages (S, A, B).</summary>
    public string Name { get; }

    /// <summary>The node's cluster address, known once it is ready.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Starts a node and waits until it has joined the cluster ("ready ADDRESS").</summary>
    public static async Task<NodeProcess> StartAsync(string name, string? seed, TimeSpan timeout, IReadOnlyList<string> options)
    {
        // The dotnet that runs the tests (the CLI passes its path down), else the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(NodeProcess).Assembly.Location);
        start.ArgumentList.Add("node");
        if (seed is not null)
        {
            start.ArgumentList.Add("--seed");
            start.ArgumentList.Add(seed);
        }
        foreach (var option in options) start.ArgumentList.Add(option);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node " + name);
        var node = new NodeProcess(process, name);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (node._errors) node._errors.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var ready = await node.NextAsync(node._replies, timeout, "ready");
            if (!ready.StartsWith("ready ", StringComparison.Ordinal)) throw node.Failure("did not start: " + ready);
            node.Address = ready["ready ".Length..];
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _replies.Writer.TryComplete();
            _events.Writer.TryComplete();
            return;
        }
        if (line.StartsWith("event ", StringComparison.Ordinal)) _events.Writer.TryWrite(line["event ".Length..]);
        else if (line.StartsWith("ok", StringComparison.Ordinal) || line.StartsWith("err ", StringComparison.Ordinal) || line.StartsWith("ready ", StringComparison.Ordinal)) _replies.Writer.TryWrite(line);
        else lock (_errors) _errors.AppendLine(line); // Akka.NET's own log lines: kept for the failure message
    }

    /// <summary>Sends one command and returns its reply line ("ok ..." or "err ..."), waiting at most <paramref name="timeout"/>.</summary>
    public async Task<string> AskAsync(string command, TimeSpan? timeout = null)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        return await NextAsync(_replies, timeout ?? TimeSpan.FromSeconds(15), command);
    }

    /// <summary>The next unasked event line ("echo-eof"), waiting at most <paramref name="timeout"/>.</summary>
    public Task<string> NextEventAsync(TimeSpan timeout) => NextAsync(_events, timeout, "an event");

    /// <summary>Asks <paramref name="command"/> again until its reply is <paramref name="expected"/>: a wait for a condition, bounded.</summary>
    public Task<string> AskUntilAsync(string command, string expected, TimeSpan timeout) =>
        AskUntilAsync(command, reply => reply == expected, timeout);

    /// <summary>Asks <paramref name="command"/> again until its reply satisfies <paramref name="done"/>, at most <paramref name="timeout"/>; returns the last reply.</summary>
    public async Task<string> AskUntilAsync(string command, Func<string, bool> done, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        string reply;
        do
        {
            reply = await AskAsync(command, TimeSpan.FromSeconds(30)); // longer than a node's own call timeout (15 s): its reply always comes first
            if (done(reply)) return reply;
            await Task.Delay(50); // between polls of a remote condition, not a barrier: the loop ends on the condition
        }
        while (deadline.Elapsed < timeout);
        return reply;
    }

    private async Task<string> NextAsync(Channel<string> lines, TimeSpan timeout, string waitingFor)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await lines.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw Failure($"no answer to '{waitingFor}' within {timeout.TotalSeconds:0.#} s");
        }
        catch (ChannelClosedException)
        {
            throw Failure($"exited while waiting for '{waitingFor}'");
        }
    }

    /// <summary>What the node logged so far (Akka.NET's warnings and errors, and its stderr).</summary>
    public string Log
    {
        get
        {
            lock (_errors) return _errors.ToString();
        }
    }

    private Exception Failure(string what) => new TimeoutException($"node {Name} {what}; its log:\n{Log}");

    /// <summary>Freezes the node's process (SIGSTOP): its sockets stay open and silent, as behind a partition.</summary>
    public void Freeze() => Signal(SigStop);

    /// <summary>Lets a frozen node run again (SIGCONT): the partition heals.</summary>
    public void Thaw() => Signal(SigCont);

    private const int SigCont = 18, SigStop = 19; // Linux

    private void Signal(int signal)
    {
        if (kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    /// <summary>Kills the node's process at once, as a crash would (no leaving, no closes).</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // it had exited already
        }
        _process.Dispose();
        await Task.CompletedTask;
    }
}
