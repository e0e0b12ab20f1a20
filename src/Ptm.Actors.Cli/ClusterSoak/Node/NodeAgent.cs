using System.Collections.Concurrent;
using System.Globalization;
using Ptm.Actors.Cluster;

namespace Ptm.Actors.Cli.ClusterSoak.Node;

/// <summary>
/// What a `ptm node` process does for the coordinator of `ptm soak --nodes`: it opens sides on
/// this node and runs them (SoakSide). Commands come one a line on stdin as "ID VERB ARGS" and
/// run concurrently; each gets one reply "ID ok ..." or "ID err ...". Unasked lines start with
/// "event": a violation seen here ("event violation SESSION KIND DETAIL"), and the node's totals
/// every second. The verbs:
///   m K            open a manager (granted, unlocked) for session K: "ok NAME" (CL2)
///   s K NAME       open the subsidiary NAME for session K here (CL3)
///   run K          let K's manager write, its subsidiary being open (D9)
///   stop K         stop K's writer: "ok ACCEPTED"
///   drain K N S    wait up to S seconds until K has read N bytes: "ok READ"
///   close K        close K's side now
///   ended K S      wait up to S seconds for K's side to end by itself: "ok REASON READ" or "err timeout"
///   count          "ok NAMES MINORS": names the cluster's directory holds, minors this node holds (CL8)
/// </summary>
internal sealed class NodeAgent(PtyNode node, TextWriter output)
{
    private readonly ConcurrentDictionary<long, SoakSide> _sides = new();
    private readonly NodeTotals _totals = new();
    private readonly Lock _writing = new();

    /// <summary>Serves commands until stdin ends or says "exit".</summary>
    public async Task RunAsync(TextReader input, CancellationToken cancellationToken)
    {
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1));
        _ = Task.Run(async () =>
        {
            while (await ticker.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false)) Post("event " + _totals.Line());
        }, cancellationToken);
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line && line != "exit")
            _ = Task.Run(() => ServeAsync(line), cancellationToken);
        Post("event " + _totals.Line());
    }

    private void Post(string line)
    {
        lock (_writing)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private async Task ServeAsync(string line)
    {
        var words = line.Split(' ', 4);
        string reply;
        try
        {
            reply = "ok" + await RunAsync(words).ConfigureAwait(false);
        }
        catch (PtyException failed)
        {
            reply = "err " + failed.Errno;
        }
        catch (Exception failed)
        {
            reply = "err " + failed.GetType().Name + ": " + failed.Message.ReplaceLineEndings(" ");
        }
        Post(words[0] + " " + reply);
    }

    private Task<string> RunAsync(string[] words) => words.Length < 2 ? throw new ArgumentException("no verb after the id") : words[1] switch
    {
        "m" => OpenManagerAsync(Session(words)),
        "s" => OpenSubsidiaryAsync(Session(words), words[3]),
        "run" => Run(Side(words)),
        "stop" => Text(Side(words).StopWritingAsync()),
        "drain" => Drain(Side(words), words[3].Split(' ')),
        "close" => CloseAsync(Forget(words)),
        "ended" => EndedAsync(Forget(words), Seconds(words[3])),
        "count" => CountAsync(),
        _ => throw new ArgumentException("unknown verb " + words[1]),
    };

    private async Task<string> OpenManagerAsync(long session)
    {
        var opened = await node.OpenManagerAsync().ConfigureAwait(false);
        try
        {
            await opened.Handle.GrantAsync().ConfigureAwait(false);
            await opened.Handle.UnlockAsync().ConfigureAwait(false);
        }
        catch
        {
            await opened.Handle.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        Track(session, opened.Handle);
        return " " + opened.Name;
    }

    private async Task<string> OpenSubsidiaryAsync(long session, string name)
    {
        Track(session, await node.OpenSubsidiaryAsync(name).ConfigureAwait(false));
        return "";
    }

    private void Track(long session, PtyHandle handle)
    {
        _totals.Opened();
        var side = SoakSide.Start(session, handle, handle is ManagerHandle, _totals, problem => Post($"event violation {session} {problem}"));
        _sides[session] = side; // until the coordinator's last word on it, close or ended, which may come after it ended
    }

    private static Task<string> Drain(SoakSide side, string[] bytesAndSeconds) =>
        Text(side.DrainAsync(Number(bytesAndSeconds[0]), Seconds(bytesAndSeconds[1])));

    private static Task<string> Run(SoakSide side)
    {
        side.StartWriting();
        return Task.FromResult("");
    }

    private static async Task<string> CloseAsync(SoakSide side)
    {
        await side.CloseAsync().ConfigureAwait(false);
        return " " + side.Received;
    }

    private static async Task<string> EndedAsync(SoakSide side, TimeSpan patience)
    {
        try
        {
            var reason = await side.Ended.WaitAsync(patience).ConfigureAwait(false);
            return $" {reason} {side.Received}";
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("timeout");
        }
    }

    private async Task<string> CountAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return $" {await node.CountNamesAsync(bound.Token).ConfigureAwait(false)} {node.Ptys.AllocatedMinors}";
    }

    private SoakSide Side(string[] words) =>
        _sides.TryGetValue(Session(words), out var side) ? side : throw new PtyException(Errno.ENOENT, "session " + words[2]);

    private SoakSide Forget(string[] words) =>
        _sides.TryRemove(Session(words), out var side) ? side : throw new PtyException(Errno.ENOENT, "session " + words[2]);

    private static async Task<string> Text(Task<long> figure) => " " + await figure.ConfigureAwait(false);

    private static long Session(string[] words) => Number(words[2]);

    private static long Number(string word) => long.Parse(word, CultureInfo.InvariantCulture);

    private static TimeSpan Seconds(string word) => TimeSpan.FromSeconds(double.Parse(word, CultureInfo.InvariantCulture));
}
