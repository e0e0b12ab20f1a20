namespace Ptm.Actors;

/// <summary>open(2) flags the pty subsystem looks at. Every open is read-write.</summary>
[Flags]
public enum OpenFlags
{
    None = 0,
    NonBlock = 1,

    /// <summary>Behaves as NonBlock on both sides (PD7).</summary>
    NDelay = 2,

    /// <summary>Do not make this stream the caller's controlling terminal (L18).</summary>
    NoCtty = 4,
}

internal static class OpenFlagsExtensions
{
    public static bool IsNonBlocking(this OpenFlags flags) => (flags & (OpenFlags.NonBlock | OpenFlags.NDelay)) != 0;
}
