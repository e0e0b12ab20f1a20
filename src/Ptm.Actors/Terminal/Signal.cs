namespace Ptm.Actors;

/// <summary>
/// Signals by their illumos numbers (sys/signal.h). A stream head records the ones generated on its
/// stream (M4.5); there are no processes to deliver them to. ldterm, ptem and the head raise a few
/// themselves; with ptem pushed, the manager can send any of them with TIOCSIGNAL (M3.8).
/// </summary>
public enum Signal
{
    /// <summary>Hang-up: recorded on a terminal stream whose manager closed or crashed (L15, PD13).</summary>
    SIGHUP = 1,
    /// <summary>Interrupt: the INTR character under ISIG, or a break under BRKINT.</summary>
    SIGINT = 2,
    /// <summary>Quit: the QUIT character under ISIG.</summary>
    SIGQUIT = 3,
    /// <summary>Illegal instruction; reaches a stream only through TIOCSIGNAL (M3.8).</summary>
    SIGILL = 4,
    /// <summary>Trace trap; only through TIOCSIGNAL.</summary>
    SIGTRAP = 5,
    /// <summary>Abort; only through TIOCSIGNAL.</summary>
    SIGABRT = 6,
    /// <summary>Emulation trap; only through TIOCSIGNAL.</summary>
    SIGEMT = 7,
    /// <summary>Arithmetic exception; only through TIOCSIGNAL.</summary>
    SIGFPE = 8,
    /// <summary>Kill; only through TIOCSIGNAL.</summary>
    SIGKILL = 9,
    /// <summary>Bus error; only through TIOCSIGNAL.</summary>
    SIGBUS = 10,
    /// <summary>Segmentation fault; only through TIOCSIGNAL.</summary>
    SIGSEGV = 11,
    /// <summary>Bad system call; only through TIOCSIGNAL.</summary>
    SIGSYS = 12,
    /// <summary>Write on a pipe with no reader; only through TIOCSIGNAL.</summary>
    SIGPIPE = 13,
    /// <summary>Alarm clock; only through TIOCSIGNAL.</summary>
    SIGALRM = 14,
    /// <summary>Termination request; only through TIOCSIGNAL.</summary>
    SIGTERM = 15,
    /// <summary>User signal 1; only through TIOCSIGNAL.</summary>
    SIGUSR1 = 16,
    /// <summary>User signal 2; only through TIOCSIGNAL.</summary>
    SIGUSR2 = 17,
    /// <summary>Child status changed; only through TIOCSIGNAL.</summary>
    SIGCHLD = 18,
    /// <summary>Power failure; only through TIOCSIGNAL.</summary>
    SIGPWR = 19,
    /// <summary>Window size changed: ptem raises it when TIOCSWINSZ changes the size (M3.5, M3.8).</summary>
    SIGWINCH = 20,
    /// <summary>Urgent socket condition; only through TIOCSIGNAL.</summary>
    SIGURG = 21,
    /// <summary>Pollable event; only through TIOCSIGNAL.</summary>
    SIGPOLL = 22,
    /// <summary>Stop (cannot be caught); only through TIOCSIGNAL.</summary>
    SIGSTOP = 23,
    /// <summary>Terminal stop: the SUSP or DSUSP character under ISIG.</summary>
    SIGTSTP = 24,
    /// <summary>Continue a stopped process; only through TIOCSIGNAL.</summary>
    SIGCONT = 25,
    /// <summary>Background read from the terminal; only through TIOCSIGNAL (there are no process groups).</summary>
    SIGTTIN = 26,
    /// <summary>Background write to the terminal; only through TIOCSIGNAL (there are no process groups).</summary>
    SIGTTOU = 27,
    /// <summary>Virtual timer expired; only through TIOCSIGNAL.</summary>
    SIGVTALRM = 28,
    /// <summary>Profiling timer expired; only through TIOCSIGNAL.</summary>
    SIGPROF = 29,
    /// <summary>CPU time limit exceeded; only through TIOCSIGNAL.</summary>
    SIGXCPU = 30,
    /// <summary>File size limit exceeded; only through TIOCSIGNAL.</summary>
    SIGXFSZ = 31,
}

/// <summary>Signal numbers as TIOCSIGNAL checks them (M3.8).</summary>
internal static class Signals
{
    /// <summary>illumos NSIG: valid signals are 1 to NSIG - 1.</summary>
    public const int NSIG = 75;

    /// <summary>A signal's name (SIGINT), or its number for one without a name here.</summary>
    public static string Name(Signal signal) => Enum.IsDefined(signal) ? signal.ToString() : ((int)signal).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
