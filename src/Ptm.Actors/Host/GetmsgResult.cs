using Ptm.Actors.Pty;

namespace Ptm.Actors;

/// <summary>What getmsg(2) returned: the call's status, and each part, null when the message had none.</summary>
/// <param name="Status">Ok with value 0, or the errno.</param>
/// <param name="Control">The control part of an M_PROTO; null for plain data.</param>
/// <param name="Data">The data part.</param>
public sealed record GetmsgResult(SysResult Status, ReadOnlyMemory<byte>? Control, ReadOnlyMemory<byte>? Data);
