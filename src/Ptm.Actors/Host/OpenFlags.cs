namespace Ptm.Actors;

/// <summary>open(2) flags the pty subsystem looks at. Every open is read-write.</summary>
[Flags]
public enum OpenFlags
{
    /// <summary>A blocking open.</summary>
    None = 0,
    /// <summary>O_NONBLOCK: reads and writes that would wait fail EAGAIN instead (D19), and close does not drain (H3).</summary>
    NonBlock = 1,

    /// <summary>Behaves as NonBlock on both sides (PD7).</summary>
    NDelay = 2,

    /// <summary>Do not make this stream the caller's controlling terminal (L18). There is no process model, so nothing else depends on it.</summary>
    NoCtty = 4,
}

/// <summary>Queries on <see cref="OpenFlags"/>.</summary>
internal static class OpenFlagsExtensions
{
    /// <summary>True for O_NONBLOCK or O_NDELAY: the descriptor never waits (D19, PD7).</summary>
    public static bool IsNonBlocking(this OpenFlags flags) => (flags & (OpenFlags.NonBlock | OpenFlags.NDelay)) != 0;
}
