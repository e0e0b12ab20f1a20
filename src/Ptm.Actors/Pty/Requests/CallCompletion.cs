using Ptm.Actors.Diagnostics;
using Ptm.Actors.Runtime;

namespace Ptm.Actors.Pty;

/// <summary>
/// How one PtySystem's calls complete their Tasks, chosen once from its options and its
/// dispatcher. On the chaining executor the caller resumes on the actor's thread once the
/// actor's mailbox run is over, never inside it, yet a request-reply chain wakes no other thread.
/// On a seeded dispatcher (or one of Akka.NET's own) continuations are queued, so the seed alone
/// decides the interleaving. With PtySystemOptions.InlineCompletions, continuations run inside the
/// turn, for drivers such as the scenario runner that never block. Every mode completes the Task
/// before the dispatcher can be idle. Each PtySystem has its own, so it also tells a PtySystem's
/// requests from another's (the Clone rescues only its own dead letters).
/// </summary>
internal sealed class CallCompletion
{
    private readonly IDispatcherDriver? _driver;

    private CallCompletion(TaskCreationOptions options, IDispatcherDriver? driver, PtyDiagnostics diagnostics)
    {
        TaskOptions = options;
        _driver = driver;
        Diagnostics = diagnostics;
    }

    public static CallCompletion For(PtySystemOptions options, IDispatcherDriver driver, PtyDiagnostics diagnostics) =>
        options.InlineCompletions || driver.CompletionMode == CompletionMode.Inline
            ? new CallCompletion(TaskCreationOptions.None, null, diagnostics)
            : new CallCompletion(
                driver.CompletionMode == CompletionMode.AfterTurn ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously,
                driver, diagnostics);

    /// <summary>The PtySystem's measurements: every call that fails is counted by its errno where it completes.</summary>
    public PtyDiagnostics Diagnostics { get; }

    /// <summary>How the request's TaskCompletionSource runs continuations.</summary>
    public TaskCreationOptions TaskOptions { get; }

    /// <summary>Completes a claimed request's Task now, or after the current turn.</summary>
    public void Complete(PtyRequest request)
    {
        if (_driver is { } driver) driver.Complete(request);
        else request.SetResultNow();
    }
}
