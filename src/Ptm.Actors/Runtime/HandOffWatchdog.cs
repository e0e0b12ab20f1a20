namespace Ptm.Actors.Runtime;

/// <summary>
/// Moves hand-offs off a thread that is stuck in resumed caller code (a caller that blocks, say
/// on Task.Result, after telling an actor) or in one mailbox run (a handler that blocks). Every few milliseconds it looks at each pool
/// thread's <see cref="WorkerChain"/>; one found in the same stretch of caller code at two looks
/// in a row (so for at least one period) loses its handed-off mailboxes to the pool. It is a
/// safety net: a caller that returns to its await in time (the normal case) never meets it.
///
/// One timer serves the process. It runs only while chains work: a chain arms it when it starts
/// a run or resumes a caller, and it disarms itself after a second with no chain in either. Disarming
/// and arming are a Dekker handshake (a chain publishes its start, then reads the flag; the
/// timer clears the flag, then looks at the chains again), so a stuck caller is never missed.
/// </summary>
internal static class HandOffWatchdog
{
    private const int PeriodMs = 5;
    private const int QuietScansBeforeDisarming = 200;
    private static readonly List<WorkerChain> s_chains = new();
    private static Timer? s_timer;
    private static int s_armed;
    private static int s_quietScans;

    public static WorkerChain Register(WorkerChain chain)
    {
        lock (s_chains) s_chains.Add(chain);
        return chain;
    }

    /// <summary>Called after a chain has published that caller code runs.</summary>
    public static void EnsureArmed()
    {
        if (Volatile.Read(ref s_armed) == 0) Arm();
    }

    private static void Arm()
    {
        lock (s_chains)
        {
            if (s_armed == 1) return;
            s_timer ??= new Timer(static _ => Scan(), null, Timeout.Infinite, Timeout.Infinite);
            s_quietScans = 0;
            Interlocked.Exchange(ref s_armed, 1);
            s_timer.Change(PeriodMs, PeriodMs);
        }
    }

    private static void Scan()
    {
        lock (s_chains)
        {
            if (s_armed == 0) return;
            if (LookAtChains()) s_quietScans = 0;
            else if (++s_quietScans >= QuietScansBeforeDisarming)
            {
                Interlocked.Exchange(ref s_armed, 0);
                s_timer!.Change(Timeout.Infinite, Timeout.Infinite);
                if (LookAtChains()) Arm(); // a chain that read "armed" just before we cleared it
            }
        }
    }

    /// <summary>Rescues stuck chains and drops those of exited threads; true if any chain is in caller code.</summary>
    private static bool LookAtChains()
    {
        var busy = false;
        for (var i = s_chains.Count - 1; i >= 0; i--)
        {
            var chain = s_chains[i];
            if (!chain.Thread.IsAlive)
            {
                s_chains.RemoveAt(i);
                continue;
            }
            var run = chain.RunEpisode;
            var runSeen = chain.RunEpisodeAtLastLook;
            chain.RunEpisodeAtLastLook = run;
            if ((run & 1) == 1)
            {
                busy = true;
                if (runSeen == run) chain.RescueHandOffs(); // a run that blocks does not hold back what it woke
            }
            var episode = chain.CallerCodeEpisode;
            var seen = chain.EpisodeAtLastLook;
            chain.EpisodeAtLastLook = episode;
            if ((episode & 1) == 0) continue;
            busy = true;
            if (seen == episode) chain.Rescue(episode);
        }
        return busy;
    }
}
