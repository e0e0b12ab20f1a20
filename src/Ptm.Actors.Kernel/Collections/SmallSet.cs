namespace Ptm.Actors.Kernel.Collections;

/// <summary>
/// A set that is almost always empty or holds one item (an actor's watchers, the Terminated
/// notices it has queued): the first item lives in a field, a HashSet exists only from the
/// second. A mutable struct: keep it in a field and call it there, never copy it.
/// </summary>
internal struct SmallSet<T> where T : class
{
    private T? _sole;
    private HashSet<T>? _many; // when set, it holds every item and _sole is null

    public bool Add(T item)
    {
        if (_many is not null) return _many.Add(item);
        if (_sole is null)
        {
            _sole = item;
            return true;
        }
        if (EqualityComparer<T>.Default.Equals(_sole, item)) return false;
        _many = new HashSet<T> { _sole, item };
        _sole = null;
        return true;
    }

    public bool Remove(T item)
    {
        if (_many is not null) return _many.Remove(item);
        if (_sole is null || !EqualityComparer<T>.Default.Equals(_sole, item)) return false;
        _sole = null;
        return true;
    }

    public void Clear()
    {
        _sole = null;
        _many = null;
    }

    /// <summary>Calls <paramref name="action"/> for each item without allocating (the set must not change meanwhile).</summary>
    public readonly void ForEach<TState>(TState state, Action<T, TState> action)
    {
        if (_sole is not null) action(_sole, state);
        else if (_many is not null)
            foreach (var item in _many) action(item, state);
    }
}
