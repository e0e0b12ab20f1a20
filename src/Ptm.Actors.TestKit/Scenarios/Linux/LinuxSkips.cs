namespace Ptm.Actors.TestKit.Scenarios.Linux;

/// <summary>
/// The steps a Linux pty cannot answer (pty-semantics.md section 8, M4.7): STREAMS (modules,
/// messages, I_FLUSH, the drivers' own ioctls, ptem's manager-side ioctls), the simulation's
/// fault injection and tunables, the illumos names and owners of /dev/pts nodes, signals (no
/// process model here), and any credentials but root's (the oracle runs as one user).
/// </summary>
internal static class LinuxSkips
{
    public static string? Reason(Step step, ScenarioCredentials who)
    {
        if (who != ScenarioCredentials.Root) return $"credentials uid {who.Uid} gid {who.Gid}: the Linux oracle runs every call as its own user";
        return step switch
        {
            PayloadIoctlStep { Name: "I_PUSH" or "I_POP" or "I_FIND" or "I_LIST" } ioctl => $"{ioctl.Name}: Linux has no STREAMS modules (its line discipline is built in)",
            PayloadIoctlStep { Name: "TIOCSIGNAL" or "TIOCREMOTE" } ioctl => $"{ioctl.Name}: ptem's manager-side ioctl (M3.8) has no Linux counterpart",
            IoctlStep ioctl => $"ioctl {ioctl.Name}: an illumos driver or STREAMS ioctl with no Linux meaning",
            SignalsStep => "signals: no process model on Linux, the signals a stream head records are not observable",
            GetmsgStep or PutmsgStep => "getmsg/putmsg: STREAMS messages do not exist on Linux",
            FlushStep => "flush: I_FLUSH is a STREAMS ioctl",
            CrashStep => "crash: fault injection exists only in the simulation",
            TuneStep => "tune: the Clone actor's tunables exist only in the simulation",
            StatStep => "stat: node owners and modes are illumos' (grantpt, PD12)",
            OpenStep { Path: LiteralPath { Path: not "/dev/ptmx" } literal } => $"open {literal.Path}: Linux numbers its ptys from 0, illumos from 1 (L5)",
            _ => null,
        };
    }
}
