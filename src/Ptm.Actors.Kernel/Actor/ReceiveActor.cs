namespace Ptm.Actors.Kernel;

/// <summary>
/// An actor that declares typed handlers in its constructor (Receive&lt;T&gt;) and swaps them with
/// Become(configure). Handlers are tried in registration order; the first match wins.
/// Each handler is a small typed object made once, so dispatch allocates nothing per message.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private HandlerTable _table = new();
    private HandlerTable? _building;

    protected sealed override bool Receive(object message) => _table.Dispatch(message);

    protected void Receive<T>(Action<T> handler) => Target.Add(new Handler<T>(handler, null));

    protected void Receive<T>(Predicate<T> when, Action<T> handler) => Target.Add(new Handler<T>(handler, when));

    protected void ReceiveAny(Action<object> handler) => Target.Add(new Handler<object>(handler, null));

    /// <summary>Replaces every handler with those that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure)
    {
        var table = new HandlerTable();
        _building = table;
        try { configure(); }
        finally { _building = null; }
        _table = table;
        Context.Become(table.Dispatch);
    }

    private HandlerTable Target => _building ?? _table;

    private sealed class HandlerTable
    {
        private readonly List<IHandler> _handlers = new();

        public void Add(IHandler handler) => _handlers.Add(handler);

        public bool Dispatch(object message)
        {
            var handlers = _handlers;
            for (var i = 0; i < handlers.Count; i++)
                if (handlers[i].TryHandle(message)) return true;
            return false;
        }
    }

    private interface IHandler
    {
        bool TryHandle(object message);
    }

    private sealed class Handler<T>(Action<T> action, Predicate<T>? when) : IHandler
    {
        public bool TryHandle(object message)
        {
            if (message is not T typed || (when is not null && !when(typed))) return false;
            action(typed);
            return true;
        }
    }
}
