namespace Ptm.Actors;

/// <summary>Signals by their illumos numbers (sys/signal.h). A stream head records the ones generated on its stream (M4.5).</summary>
public enum Signal
{
    SIGHUP = 1,
    SIGINT = 2,
    SIGQUIT = 3,
    SIGILL = 4,
    SIGTRAP = 5,
    SIGABRT = 6,
    SIGEMT = 7,
    SIGFPE = 8,
    SIGKILL = 9,
    SIGBUS = 10,
    SIGSEGV = 11,
    SIGSYS = 12,
    SIGPIPE = 13,
    SIGALRM = 14,
    SIGTERM = 15,
    SIGUSR1 = 16,
    SIGUSR2 = 17,
    SIGCHLD = 18,
    SIGPWR = 19,
    SIGWINCH = 20,
    SIGURG = 21,
    SIGPOLL = 22,
    SIGSTOP = 23,
    SIGTSTP = 24,
    SIGCONT = 25,
    SIGTTIN = 26,
    SIGTTOU = 27,
    SIGVTALRM = 28,
    SIGPROF = 29,
    SIGXCPU = 30,
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
