using Ptm.Actors.Kernel;

namespace Ptm.Actors.Pty;

/// <summary>
/// How one PtySystem's calls complete their Tasks, chosen once from its options. By default
/// through ActorSystem.CompleteAfterTurn: the caller resumes on the actor's thread once the
/// actor's mailbox run is over, never inside it, yet a request-reply chain wakes no other
/// thread (a deterministic system queues continuations instead, so its seed alone decides the
/// interleaving). With PtySystemOptions.InlineCompletions, continuations run inside the turn,
/// for drivers such as the scenario runner that never block. Every mode completes the Task
/// before the system can be idle.
/// </summary>
internal sealed class CallCompletion
{
    private readonly ActorSystem? _afterTurnOf;

    private CallCompletion(TaskCreationOptions options, ActorSystem? afterTurnOf)
    {
        TaskOptions = options;
        _afterTurnOf = afterTurnOf;
    }

    public static CallCompletion For(PtySystemOptions options, ActorSystem actors) =>
        options.InlineCompletions
            ? new CallCompletion(TaskCreationOptions.None, null)
            : new CallCompletion(actors.AfterTurnTaskOptions, actors);

    /// <summary>How the request's TaskCompletionSource runs continuations.</summary>
    public TaskCreationOptions TaskOptions { get; }

    /// <summary>Completes a claimed request's Task now, or after the current turn.</summary>
    public void Complete(PtyRequest request)
    {
        if (_afterTurnOf is { } system) system.CompleteAfterTurn(request);
        else request.SetResultNow();
    }
}
