using Ptm.Actors.Pty;

namespace Ptm.Actors;

/// <summary>The subsidiary side (/dev/pts/N): the program's end, a terminal once ptem and ldterm are pushed (M4.2).</summary>
public sealed class SubsidiaryHandle : PtyHandle
{
    internal SubsidiaryHandle(PtySystem system, OpenFile file, Credentials who) : base(system, file, who) { }
}
