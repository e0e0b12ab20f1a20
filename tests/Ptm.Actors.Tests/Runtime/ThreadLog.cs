namespace Ptm.Actors.Tests.Runtime;

/// <summary>What happened, in order, and on which thread.</summary>
internal sealed class ThreadLog
{
    private readonly List<(string What, int Thread)> _entries = new();

    public IReadOnlyList<(string What, int Thread)> Entries
    {
        get { lock (_entries) return _entries.ToArray(); }
    }

    public void Add(string what)
    {
        lock (_entries) _entries.Add((what, Environment.CurrentManagedThreadId));
    }
}
