namespace Ptm.Actors;

/// <summary>poll(2) readiness bits (Linux values), as the stream head reports them (strpoll).</summary>
[Flags]
public enum PollEvents
{
    /// <summary>Not ready either way.</summary>
    None = 0,
    /// <summary>A message is queued at the stream head: a read will not block (an end-of-file message counts).</summary>
    POLLIN = 0x1,
    /// <summary>The queue below the head has room: a write will not block (H8). Never set together with POLLHUP.</summary>
    POLLOUT = 0x4,
    /// <summary>The stream carries a stored error, such as the manager's sticky EINVAL (D9, PD4), or the side crashed (PD13); reported alone.</summary>
    POLLERR = 0x8,
    /// <summary>The stream is hung up: the subsidiary after its manager closed (L15). A manager never sees it (L13).</summary>
    POLLHUP = 0x10,
}
