using System.Diagnostics;
using System.Text;

namespace Ptm.Actors.Cluster.Tests.NodeHost;

/// <summary>
/// The node host: this test assembly run as a program (`dotnet Ptm.Actors.Cluster.Tests.dll node
/// [--seed ADDRESS]`) is one cluster node in a process of its own, driven line by line over
/// stdin and stdout by the tests (Support/NodeProcess.cs). Each command gets exactly one reply
/// line, "ok ..." or "err ERRNO"; lines that start with "event" come unasked.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "node")
        {
            Console.Error.WriteLine("usage: node [--seed ADDRESS] [--failure-detection-ms N] [--downing-delay-ms N]");
            return 2;
        }
        var options = new PtyNodeOptions();
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--seed" => options with { Seeds = [args[i + 1]] },
                "--failure-detection-ms" => options with { FailureDetection = TimeSpan.FromMilliseconds(int.Parse(args[i + 1])) },
                "--downing-delay-ms" => options with { DowningDelay = TimeSpan.FromMilliseconds(int.Parse(args[i + 1])) },
                _ => throw new ArgumentException("unknown option " + args[i]),
            };
        }
        using var joining = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var node = await PtyNode.StartAsync(options, joining.Token);
        Console.Out.WriteLine("ready " + node.Address);
        // Downed (CL6, CL10): the node's own actor system shuts down; the tests wait for this line.
        _ = node.ActorSystem.WhenTerminated.ContinueWith(_ => Console.Out.WriteLine("event terminated"), TaskScheduler.Default);
        var session = new NodeSession(node);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line == "exit") break;
            Console.Out.WriteLine(await session.RunAsync(line));
        }
        await node.DisposeAsync();
        return 0;
    }
}

/// <summary>
/// The handles one node host holds: the last manager it opened ("m") and the subsidiaries it
/// opened, the latest on top ("s"; "close s" closes that one and uncovers the one before).
/// </summary>
internal sealed class NodeSession(PtyNode node)
{
    private PtyHandle? _manager;
    private readonly List<PtyHandle> _subsidiaries = [];

    public async Task<string> RunAsync(string line)
    {
        var words = line.Split(' ', 3);
        try
        {
            return words[0] switch
            {
                "open-manager" => await OpenManagerAsync(unlock: true),
                "open-locked-manager" => await OpenManagerAsync(unlock: false),
                "unlock" => await UnlockAsync(),
                "open" => await OpenAsync(words[1]),
                "write" => "ok " + await Side(words[1]).WriteAsync(Unescape(words[2])),
                "read" => await ReadAsync(Side(words[1])),
                "poll" => "ok " + await Side(words[1]).PollAsync(),
                "close" => await CloseAsync(words[1]),
                "names" => await CountNamesAsync(),
                "minors" => "ok " + node.Ptys.AllocatedMinors,
                "unreachable" => "ok " + string.Join(",", Akka.Cluster.Cluster.Get(node.ActorSystem).State.Unreachable.Select(m => m.Address.ToString())),
                "echo" => StartEcho(Side(words[1])),
                "pingpong" => await PingPongAsync(int.Parse(words[1])),
                "blast" => await BlastAsync(Side(words[1]), long.Parse(words[2])),
                "sink" => StartSink(Side(words[1])),
                _ => "err unknown command " + words[0],
            };
        }
        catch (PtyException failed)
        {
            return "err " + failed.Errno;
        }
        catch (Exception failed)
        {
            return "err " + failed.GetType().Name + ": " + failed.Message.ReplaceLineEndings(" ");
        }
    }

    /// <summary>Bounded at 3 s, so a test that waits for a moving directory asks again soon (its first ask may go to the node that left).</summary>
    private async Task<string> CountNamesAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        return "ok " + await node.CountNamesAsync(bound.Token);
    }

    private PtyHandle Side(string which) =>
        (which == "m" ? _manager : _subsidiaries.LastOrDefault()) ?? throw new InvalidOperationException("no " + which + " open");

    private async Task<string> OpenManagerAsync(bool unlock)
    {
        var opened = await node.OpenManagerAsync();
        await opened.Handle.GrantAsync();
        if (unlock) await opened.Handle.UnlockAsync();
        _manager = opened.Handle;
        return "ok " + opened.Name;
    }

    private async Task<string> UnlockAsync()
    {
        await ((ManagerHandle)Side("m")).UnlockAsync();
        return "ok";
    }

    private async Task<string> OpenAsync(string name)
    {
        _subsidiaries.Add(await node.OpenSubsidiaryAsync(name));
        return "ok";
    }

    private static async Task<string> ReadAsync(PtyHandle handle)
    {
        var buffer = new byte[4096];
        var count = await handle.ReadAsync(buffer);
        return "ok " + count + " " + Escape(buffer.AsSpan(0, count));
    }

    private async Task<string> CloseAsync(string which)
    {
        var handle = Side(which);
        if (which == "s") _subsidiaries.RemoveAt(_subsidiaries.Count - 1);
        await handle.CloseAsync();
        return "ok";
    }

    /// <summary>A program on the subsidiary that sends back what it reads, until end of file or an error.</summary>
    private static string StartEcho(PtyHandle handle)
    {
        _ = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            try
            {
                int count;
                while ((count = await handle.ReadAsync(buffer)) > 0) await handle.WriteAsync(buffer.AsMemory(0, count));
                Console.Out.WriteLine("event echo-eof");
            }
            catch (Exception failed)
            {
                Console.Out.WriteLine("event echo-failed " + (failed is PtyException pty ? pty.Errno.ToString() : failed.GetType().Name));
            }
        });
        return "ok";
    }

    /// <summary>One-byte round trips through an echoing subsidiary (on any node): "ok COUNT MICROSECONDS".</summary>
    private async Task<string> PingPongAsync(int count)
    {
        var manager = Side("m");
        var one = new byte[1];
        var answer = new byte[16];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            one[0] = (byte)('a' + i % 26);
            await manager.WriteAsync(one);
            if (await manager.ReadAsync(answer) != 1 || answer[0] != one[0]) return "err echo mismatch at " + i;
        }
        return "ok " + count + " " + (long)clock.Elapsed.TotalMicroseconds;
    }

    /// <summary>
    /// Writes <paramref name="total"/> bytes in 4 KiB writes, byte i being i mod 251 (a prime, so
    /// no write boundary lines up with the pattern): "ok BYTES MICROSECONDS".
    /// </summary>
    private static async Task<string> BlastAsync(PtyHandle handle, long total)
    {
        var chunk = new byte[4096];
        long sent = 0;
        var clock = Stopwatch.StartNew();
        while (sent < total)
        {
            var length = (int)Math.Min(chunk.Length, total - sent);
            for (var i = 0; i < length; i++) chunk[i] = (byte)((sent + i) % 251);
            sent += await handle.WriteAsync(chunk.AsMemory(0, length));
        }
        return "ok " + sent + " " + (long)clock.Elapsed.TotalMicroseconds;
    }

    /// <summary>Reads until end of file, checking the pattern of <see cref="BlastAsync"/>: "event sink-eof BYTES" or "event sink-mismatch AT".</summary>
    private static string StartSink(PtyHandle handle)
    {
        _ = Task.Run(async () =>
        {
            var buffer = new byte[8192];
            long received = 0;
            try
            {
                int count;
                while ((count = await handle.ReadAsync(buffer)) > 0)
                {
                    for (var i = 0; i < count; i++, received++)
                    {
                        if (buffer[i] == (byte)(received % 251)) continue;
                        Console.Out.WriteLine("event sink-mismatch " + received);
                        return;
                    }
                }
                Console.Out.WriteLine("event sink-eof " + received);
            }
            catch (Exception failed)
            {
                Console.Out.WriteLine("event sink-failed " + (failed is PtyException pty ? pty.Errno.ToString() : failed.GetType().Name));
            }
        });
        return "ok";
    }

    private static byte[] Unescape(string text) => Encoding.UTF8.GetBytes(text.Replace("\\n", "\n"));

    private static string Escape(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes).Replace("\n", "\\n");
}
