namespace Ptm.Actors.Kernel.Collections;

/// <summary>
/// A map that is almost always empty or holds one entry (the actors one actor watches, each with
/// its custom Terminated message): the first entry lives in fields, a Dictionary exists only from
/// the second. A mutable struct: keep it in a field and call it there, never copy it.
/// </summary>
internal struct SmallMap<TKey, TValue> where TKey : class
{
    private TKey? _soleKey;
    private TValue? _soleValue;
    private Dictionary<TKey, TValue>? _many; // when set, it holds every entry and _soleKey is null

    public readonly bool ContainsKey(TKey key) =>
        _many is not null ? _many.ContainsKey(key) : _soleKey is not null && EqualityComparer<TKey>.Default.Equals(_soleKey, key);

    /// <summary>Adds or replaces; true when the key is new.</summary>
    public bool Set(TKey key, TValue value)
    {
        if (_many is not null)
        {
            var added = !_many.ContainsKey(key);
            _many[key] = value;
            return added;
        }
        if (_soleKey is null || EqualityComparer<TKey>.Default.Equals(_soleKey, key))
        {
            var added = _soleKey is null;
            (_soleKey, _soleValue) = (key, value);
            return added;
        }
        _many = new Dictionary<TKey, TValue> { [_soleKey] = _soleValue!, [key] = value };
        (_soleKey, _soleValue) = (null, default);
        return true;
    }

    public bool Remove(TKey key, out TValue? value)
    {
        if (_many is not null) return _many.Remove(key, out value);
        if (_soleKey is null || !EqualityComparer<TKey>.Default.Equals(_soleKey, key))
        {
            value = default;
            return false;
        }
        value = _soleValue;
        (_soleKey, _soleValue) = (null, default);
        return true;
    }

    public void Clear()
    {
        (_soleKey, _soleValue) = (null, default);
        _many = null;
    }

    /// <summary>Calls <paramref name="action"/> for each key without allocating (the map must not change meanwhile).</summary>
    public readonly void ForEachKey<TState>(TState state, Action<TKey, TState> action)
    {
        if (_soleKey is not null) action(_soleKey, state);
        else if (_many is not null)
            foreach (var key in _many.Keys) action(key, state);
    }
}
