namespace Ptm.Actors.Cli.ClusterSoak.Node;

/// <summary>A node's running figures, reported to the coordinator every second so a killed node's report is not lost with it.</summary>
internal sealed class NodeTotals
{
    private long _written;
    private long _read;
    private long _sides;

    public void Opened() => Interlocked.Increment(ref _sides);

    public void Written(int bytes) => Interlocked.Add(ref _written, bytes);

    public void Read(int bytes) => Interlocked.Add(ref _read, bytes);

    /// <summary>"totals SIDES WRITTEN READ", the event line.</summary>
    public string Line() => $"totals {Interlocked.Read(ref _sides)} {Interlocked.Read(ref _written)} {Interlocked.Read(ref _read)}";
}
