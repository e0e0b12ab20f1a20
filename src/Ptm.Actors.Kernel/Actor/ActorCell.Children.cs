namespace Ptm.Actors.Kernel;

/// <summary>Children: creation with unique names, lookup, stop, and freeing a name when the child's death is processed.</summary>
internal sealed partial class ActorCell
{
    // Guarded by itself: the /user guardian's children are created from any thread.
    private Dictionary<string, ActorCell>? _children;
    private long _autoNames;

    public IReadOnlyCollection<IActorRef> Children
    {
        get
        {
            var children = _children;
            if (children is null) return Array.Empty<IActorRef>();
            lock (children)
            {
                var list = new List<IActorRef>(children.Count);
                foreach (var child in children.Values) list.Add(child.Self);
                return list;
            }
        }
    }

    internal int ChildCount
    {
        get
        {
            var children = _children;
            if (children is null) return 0;
            lock (children) return children.Count;
        }
    }

    public IActorRef? Child(string name)
    {
        var children = _children;
        if (children is null) return null;
        lock (children) return children.TryGetValue(name, out var child) ? child.Self : null;
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        System.ThrowIfTerminated();
        if (_state >= StateTerminating)
            throw new IllegalStateException($"Cannot create a child of {Self.Path}: it is stopping.");
        if (name is null) name = AutoName(Interlocked.Increment(ref _autoNames));
        else ValidateName(name);

        var children = _children ?? Interlocked.CompareExchange(ref _children, new Dictionary<string, ActorCell>(), null) ?? _children!;
        var cell = new ActorCell(System, props, this, name);
        lock (children)
        {
            if (!children.TryAdd(name, cell))
                throw new InvalidActorNameException($"Actor name [{name}] is not unique among the children of {Self.Path}.");
        }
        cell.Start();
        return cell.Self;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef local) local.Cell.SendSystem(Dispatch.Terminate.Instance);
    }

    /// <summary>Called when this cell processes a death notification; frees the child's name.</summary>
    private bool RemoveChild(IActorRef actor)
    {
        var children = _children;
        if (children is null || actor is not LocalActorRef local) return false;
        lock (children)
        {
            if (!children.TryGetValue(local.Path.Name, out var cell) || !ReferenceEquals(cell, local.Cell)) return false;
            children.Remove(local.Path.Name);
            return true;
        }
    }

    private void StopAllChildren()
    {
        foreach (var child in Children) Stop(child);
    }

    /// <summary>"$" and the number in lower-case hex, built as one string.</summary>
    private static string AutoName(long number)
    {
        var digits = 1;
        for (var rest = (ulong)number >> 4; rest != 0; rest >>= 4) digits++;
        return string.Create(digits + 1, (ulong)number, static (span, value) =>
        {
            span[0] = '$';
            for (var i = span.Length - 1; i > 0; i--, value >>= 4) span[i] = "0123456789abcdef"[(int)(value & 0xF)];
        });
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0) throw new InvalidActorNameException("Actor name must not be empty.");
        if (name[0] == '$') throw new InvalidActorNameException($"Actor name [{name}] must not start with '$' (reserved for generated names).");
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '+' or '=' or '@' or '~') continue;
            throw new InvalidActorNameException($"Actor name [{name}] contains the invalid character '{c}'.");
        }
    }
}
