using Ptm.Actors.Kernel;

namespace Ptm.Actors.Pty;

/// <summary>
/// How one PtySystem's calls complete their Tasks, chosen once from its options.
/// <list type="bullet">
/// <item>After the turn (the default): the Task completes, and its caller resumes, on the
/// actor's thread once the actor's mailbox run is over (ActorSystem.RunAfterTurn). The caller
/// never runs inside an actor's turn, yet a request-reply chain wakes no other thread.</item>
/// <item>Asynchronous (deterministic systems): the Task completes during the turn and its
/// continuations are queued to the ThreadPool, so the seeded dispatcher alone decides the
/// actors' interleaving.</item>
/// <item>Inline (PtySystemOptions.InlineCompletions): continuations run inside the turn, for
/// drivers such as the scenario runner that never block.</item>
/// </list>
/// Every mode completes the Task before the system can be idle.
/// </summary>
internal sealed class CallCompletion
{
    private readonly ActorSystem? _afterTurnOf;

    private CallCompletion(TaskCreationOptions options, ActorSystem? afterTurnOf)
    {
        TaskOptions = options;
        _afterTurnOf = afterTurnOf;
    }

    public static CallCompletion Inline { get; } = new(TaskCreationOptions.None, null);
    public static CallCompletion Asynchronous { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously, null);

    public static CallCompletion For(PtySystemOptions options, ActorSystem actors) =>
        options.InlineCompletions ? Inline
        : actors.IsDeterministic ? Asynchronous
        : new CallCompletion(TaskCreationOptions.None, actors);

    /// <summary>How the request's TaskCompletionSource runs continuations.</summary>
    public TaskCreationOptions TaskOptions { get; }

    /// <summary>Completes a claimed request's Task now, or after the current turn.</summary>
    public void Complete(PtyRequest request)
    {
        if (_afterTurnOf is { } system) system.RunAfterTurn(request);
        else request.SetResultNow();
    }
}
