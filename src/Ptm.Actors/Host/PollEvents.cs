namespace Ptm.Actors;

/// <summary>poll(2) readiness bits (Linux values).</summary>
[Flags]
public enum PollEvents
{
    None = 0,
    POLLIN = 0x1,
    POLLOUT = 0x4,
    POLLERR = 0x8,
    POLLHUP = 0x10,
}
