namespace Ptm.Actors.Runtime;

/// <summary>How a finished call hands its result to the caller.</summary>
internal enum CompletionMode
{
    /// <summary>On the actor's thread once its mailbox run is over (the chaining executor): no thread is woken.</summary>
    AfterTurn,

    /// <summary>Inside the actor's turn, continuations included (drivers that never block, such as the scenario runner).</summary>
    Inline,

    /// <summary>At once, with continuations queued elsewhere: a seeded dispatcher, or one we know nothing of.</summary>
    Asynchronous,
}

/// <summary>
/// What a PtySystem needs to know of the dispatcher its actors run on: how calls complete and
/// how to wait until its actors have nothing left to do. The chaining executor registers one
/// (<see cref="ChainingExecutorConfigurator"/>); the TestKit's seeded executor registers another
/// that runs the actors on the waiting thread.
/// </summary>
internal interface IDispatcherDriver
{
    CompletionMode CompletionMode { get; }

    /// <summary>Only a seed decides how the actors interleave (nothing runs unless a caller drives it).</summary>
    bool IsDeterministic { get; }

    /// <summary>Completes when no actor of the dispatcher has work; a seeded dispatcher is run to that point first.</summary>
    Task WhenIdleAsync();

    /// <summary>Completes a finished call's Task the way <see cref="CompletionMode"/> says.</summary>
    void Complete(IThreadPoolWorkItem completion);

    /// <summary>The PtySystem is shutting down: whatever the actor system still sends its actors must run without being driven.</summary>
    void ShuttingDown();
}
