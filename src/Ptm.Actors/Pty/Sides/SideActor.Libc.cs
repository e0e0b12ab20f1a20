using System.Buffers.Binary;

namespace Ptm.Actors.Pty;

/// <summary>
/// grantpt and ptsname as libc makes them (pt.c): each starts with the ISPTM check, an I_STR
/// ioctl through the stream head (C2), so it waits its turn behind an outstanding ioctl (H5) and,
/// on a subsidiary, behind held output (the ISPTM travels to the manager and is NAKed there, D8).
/// </summary>
internal abstract partial class SideActor
{
    /// <summary>C6: the ISPTM check, then OWNERPT with the real uid and group tty; any OWNERPT failure is EACCES.</summary>
    private void HandleGrant(GrantRequest request) =>
        ManagerCheck(request, () =>
        {
            var owner = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(owner, (uint)request.Who.Uid);
            BinaryPrimitives.WriteUInt32LittleEndian(owner.AsSpan(4), (uint)Credentials.TtyGroup);
            Head.Ioctl(new HeadIoctl(IoctlCommands.OWNERPT, owner, request,
                answer => request.Complete(answer.IsOk ? SysResult.Ok() : SysResult.Fail(Errno.EACCES))));
        });

    /// <summary>C3: the ISPTM check, then the name from the minor, ERANGE if it does not fit, then the access() lookup.</summary>
    private void HandlePtsname(PtsnameRequest request) => ManagerCheck(request, () => CompletePtsname(request));

    /// <summary>The part of ptsname_r after the ISPTM check passed: only a manager gets there.</summary>
    protected abstract void CompletePtsname(PtsnameRequest request);

    /// <summary>C2: ISPTM as I_STR; a failure is the call's result, with the ioctl's errno.</summary>
    private void ManagerCheck(PtyRequest request, Action then) =>
        Head.Ioctl(new HeadIoctl(IoctlCommands.ISPTM, ReadOnlyMemory<byte>.Empty, request, answer =>
        {
            if (answer.IsOk) then();
            else request.Complete(answer);
        }));
}
