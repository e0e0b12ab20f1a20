namespace Ptm.Actors.Kernel.Dispatch;

/// <summary>Runs mailboxes that have work. The ThreadPool one is the default; the deterministic one is for tests.</summary>
internal interface IDispatcher
{
    /// <summary>How many user messages a mailbox may process per run before yielding.</summary>
    int Throughput { get; }

    /// <summary>Arrange for <paramref name="mailbox"/> to run. Called once per idle-to-scheduled transition.</summary>
    void Schedule(Mailbox mailbox);

    /// <summary>True when the dispatcher runs only when asked to (RunUntilIdle), on the caller's thread.</summary>
    bool IsDeterministic { get; }
}
