namespace Ptm.Actors.Pty;

/// <summary>
/// Hands one object to an actor's constructor without keeping it alive afterwards. A Props
/// factory closure lives as long as its actor, so a request captured directly (the open call,
/// with its Task) would stay reachable for the whole life of every idle pair.
/// </summary>
internal sealed class Handoff<T>(T value) where T : class
{
    private T? _value = value;

    public T Take() => Interlocked.Exchange(ref _value, null) ?? throw new InvalidOperationException("an actor's start-up object was taken twice");
}
