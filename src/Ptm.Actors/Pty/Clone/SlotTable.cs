namespace Ptm.Actors.Pty;

/// <summary>
/// The slot table and minor arena of ptms_conf. Minors are handed out lowest-free first from 1
/// (PD1, a deterministic stand-in for vmem's instant fit, L5); the table grows like ptms_grow
/// (N4: +min(old, pt_maxdelta), so 16, 32, 64, 128, 256, 384, ...) and never shrinks.
/// Admission follows N3 with the tunables of N1 and the memory-derived maximum of N2.
/// </summary>
internal sealed class SlotTable(PtySystemOptions options)
{
    private readonly SortedSet<int> _freed = new();
    private readonly Dictionary<int, PtyEntry> _entries = new();
    private int _highest;

    public int InUse => _entries.Count;

    /// <summary>Current slot-table size (N4).</summary>
    public int Size { get; private set; } = options.InitialTableSize;

    /// <summary>pt_cnt (N1): below this many in use, allocation is always attempted.</summary>
    public int MinimumCount { get; set; } = options.MinimumPtys;

    /// <summary>pt_max_pty (N1, PD2): 0 means no administrator limit.</summary>
    public int AdministratorMaximum { get; set; } = options.MaxPtys;

    public PtyEntry? Find(int minor) => minor > 0 && _entries.TryGetValue(minor, out var entry) ? entry : null;

    public IEnumerable<PtyEntry> Entries => _entries.Values;

    /// <summary>N3: refuse once in-use reaches min(memory maximum, administrator maximum) unless below pt_cnt.</summary>
    public bool Admits()
    {
        if (InUse < MinimumCount) return true;
        var limit = options.MemoryDerivedMaximum;
        if (AdministratorMaximum > 0) limit = Math.Min(limit, AdministratorMaximum);
        return InUse < limit;
    }

    public PtyEntry Allocate(int zone)
    {
        int minor;
        if (_freed.Count > 0)
        {
            minor = _freed.Min;
            _freed.Remove(minor);
        }
        else
        {
            minor = ++_highest;
            while (minor > Size) Size += Math.Min(Size, options.MaxTableGrowth);
        }
        var entry = new PtyEntry(minor, zone);
        _entries.Add(minor, entry);
        return entry;
    }

    /// <summary>L16: the slot is cleared and the minor returned to the arena.</summary>
    public void Free(PtyEntry entry)
    {
        _entries.Remove(entry.Minor);
        if (entry.Minor == _highest)
        {
            _highest--;
            while (_highest > 0 && _freed.Remove(_highest)) _highest--;
        }
        else _freed.Add(entry.Minor);
    }
}
