using System.Runtime.InteropServices;

namespace Ptm.Actors.Cli.Bench.Os;

/// <summary>A libc call on the real pty failed; carries the call and errno for the report.</summary>
internal sealed class OsPtyException(string call, int errno)
    : Exception($"{call} failed: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})")
{
    public string Call { get; } = call;
    public int Errno { get; } = errno;
}
