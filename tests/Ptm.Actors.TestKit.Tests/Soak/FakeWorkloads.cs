using Ptm.Actors.TestKit.Soak;


namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>A workload that replays a fabricated trace and returns: the runner and command are tested without the pty host API.</summary>
internal sealed class ReplayWorkload(TraceBuilder trace) : ISoakWorkload
{
    public SoakOptions? Options { get; private set; }

    public Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct)
    {
        Options = options;
        foreach (var e in trace.Events) sink.Emit(e);
        return Task.CompletedTask;
    }
}

/// <summary>A workload that never returns until released: what the hang watchdog is for.</summary>
internal sealed class StuckWorkload : ISoakWorkload
{
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct) => Release.Task;
}

/// <summary>A workload that takes <paramref name="work"/> of wall clock, then notes whether it had been told to stop.</summary>
internal sealed class SlowWorkload(TimeSpan work) : ISoakWorkload
{
    public bool? WasStopped { get; private set; }

    public async Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct)
    {
        await Task.Delay(work, CancellationToken.None); // its work, not a barrier: the runner decides meanwhile
        WasStopped = ct.IsCancellationRequested;
    }
}

/// <summary>A workload whose set-up takes <paramref name="setUp"/> of wall clock before it says Ready; it notes whether it had been told to stop by then.</summary>
internal sealed class SlowStartingWorkload(TimeSpan setUp) : ISoakWorkload
{
    public bool? StoppedBeforeReady { get; private set; }

    public bool SignalsReady => true;

    public async Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct)
    {
        await Task.Delay(setUp, CancellationToken.None); // its set-up, not a barrier
        StoppedBeforeReady = ct.IsCancellationRequested;
        sink.Ready();
        await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default); // runs until stopped
    }
}

/// <summary>A workload that throws.</summary>
internal sealed class FailingWorkload : ISoakWorkload
{
    public Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct) => throw new InvalidOperationException("host API refused");
}

internal static class Traces
{
    /// <summary>Two sessions exchanging data, with faults and a flush, that break no rule.</summary>
    public static TraceBuilder Clean()
    {
        var trace = new TraceBuilder().Minors(0).Session(1).Session(2, minor: 2).Minors(2).Open(1, 1).Open(2, 1)
            .Add(new FaultInjected(FaultKind.SlowReader, 1)).Add(new FaultInjected(FaultKind.CrashManager, 2))
            .Call(1, "write", 2).Write(TraceBuilder.M2S(1, 1), 1000).Call(1, "read", 4).Read(TraceBuilder.M2S(1, 1), 0, 1000)
            .Write(TraceBuilder.S2M(1, 1), 300).Read(TraceBuilder.S2M(1, 1), 0, 300)
            .Add(new MemorySample(50 << 20, 2))
            .CloseSubsidiaryAndReadEof(1, 1).CloseManager(1).TearDown(1)
            .CloseManager(2, SideEnd.Crash).Add(new HangupSeen(2, 1)).Add(new SubsidiaryClosing(2, 1, SideEnd.Close)).TearDown(2)
            .Minors(0);
        return trace;
    }
}
