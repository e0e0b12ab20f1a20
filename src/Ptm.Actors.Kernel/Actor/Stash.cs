using Ptm.Actors.Kernel.Dispatch;

namespace Ptm.Actors.Kernel;

/// <summary>Put the current message aside and take it back later, in order, ahead of newer messages.</summary>
public interface IStash
{
    /// <summary>Stashes the message being processed. Stashing it twice throws IllegalStateException.</summary>
    void Stash();

    /// <summary>Returns the oldest stashed message to the head of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns every stashed message to the head of the mailbox, oldest first; the stash is empty afterwards.</summary>
    void UnstashAll();

    int Count { get; }
}

internal sealed class Stash(ActorCell cell, int capacity) : IStash
{
    private readonly List<Envelope> _stashed = new();
    private object? _lastStashed;

    public int Count => _stashed.Count;

    void IStash.Stash()
    {
        var current = cell.CurrentEnvelope;
        if (current.Message is null) throw new IllegalStateException("There is no current message to stash.");
        if (ReferenceEquals(current.Message, _lastStashed) && _stashed.Count > 0 && ReferenceEquals(_stashed[^1].Message, current.Message))
            throw new IllegalStateException($"The message {current.Message.GetType().Name} is already stashed.");
        if (capacity >= 0 && _stashed.Count >= capacity)
            throw new StashOverflowException($"The stash of {cell.Self.Path} is full ({capacity} messages).");
        _stashed.Add(current);
        _lastStashed = current.Message;
    }

    public void Unstash()
    {
        if (_stashed.Count == 0) return;
        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Mailbox.PrependUser(new List<Envelope>(1) { first });
    }

    public void UnstashAll()
    {
        if (_stashed.Count == 0) return;
        cell.Mailbox.PrependUser(_stashed);
        _stashed.Clear();
        _lastStashed = null;
    }

    /// <summary>Stashed messages survive a restart: they go back into the mailbox before the new instance runs.</summary>
    internal void UnstashAllForRestart() => UnstashAll();

    internal void DrainToDeadLetters()
    {
        foreach (var envelope in _stashed) cell.System.PublishDeadLetter(envelope.Message, envelope.Sender, cell.Self);
        _stashed.Clear();
    }
}
