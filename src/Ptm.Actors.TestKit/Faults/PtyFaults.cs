using Akka.Actor;

namespace Ptm.Actors.TestKit.Faults;

/// <summary>
/// Fault injection on a pty system: crashing a side's actor (PD13) and reaching the Clone actor
/// for a <see cref="FaultInjector"/>. The product keeps these out of its own API: a host app has
/// no business crashing its ptys, tests and soak runs do.
/// </summary>
public static class PtyFaults
{
    /// <summary>
    /// Crashes the actor behind <paramref name="fd"/>'s side once it has handled what is already
    /// queued (PD13): its calls then fail EIO and its peer sees it gone, as after a driver panic.
    /// The result is EBADF for a descriptor that is not open, otherwise Ok at once.
    /// </summary>
    public static Task<SysResult> CrashAsync(this PosixApi posix, int fd)
    {
        ArgumentNullException.ThrowIfNull(posix);
        return posix.InjectCrash(fd);
    }

    /// <summary>Crashes the actor behind <paramref name="handle"/>'s side (see <see cref="CrashAsync(PosixApi, int)"/>).</summary>
    /// <exception cref="PtyException">EBADF: the handle is closed.</exception>
    public static async Task CrashAsync(this PtyHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        (await handle.Crash().ConfigureAwait(false)).ValueOrThrow("crash");
    }

    /// <summary>The Clone actor (the /dev/ptmx and /dev/pts owner) of <paramref name="ptys"/>, for a <see cref="FaultInjector"/>.</summary>
    public static IActorRef CloneActorOf(PtySystem ptys)
    {
        ArgumentNullException.ThrowIfNull(ptys);
        return ptys.CloneActor;
    }
}
