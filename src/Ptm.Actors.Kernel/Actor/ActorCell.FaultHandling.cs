using Ptm.Actors.Kernel.Dispatch;

namespace Ptm.Actors.Kernel;

/// <summary>
/// Failure, restart and stop. A failing actor suspends its user messages and reports Failed to
/// its parent, whose strategy answers Resume, Restart (new instance, same mailbox, the failing
/// message skipped), Stop or Escalate. Stopping runs in two phases: stop the children and wait
/// for each one's death notification, then PostStop, close the mailbox (leftovers go to dead
/// letters), notify watchers and finally the parent.
/// </summary>
internal sealed partial class ActorCell
{
    private Exception? _pendingRecreate;
    private object? _failedMessage;

    private RestartStatistics? _restartStats;

    /// <summary>Restart bookkeeping for the parent's retry window (touched only by the parent); made on the first failure.</summary>
    internal RestartStatistics RestartStats => _restartStats ??= new RestartStatistics();

    private void HandleInvokeFailure(Exception cause)
    {
        if (_state >= StateTerminating)
        {
            System.Log.Warning(cause, "{ActorPath} failed while stopping; the failure is ignored", Self.Path.ToString());
            return;
        }
        _suspended = true;
        _failedMessage = _current.Message;
        if (ParentCell is null)
        {
            System.Log.Error(cause, "The root guardian failed; the actor system terminates");
            _ = System.Terminate();
            return;
        }
        ParentCell.SendSystem(new Failed(this, cause));
    }

    private void HandleChildFailure(Failed failed)
    {
        var child = failed.Child;
        var children = _children;
        if (children is null) return;
        lock (children)
        {
            if (!children.TryGetValue(child.Self.Path.Name, out var known) || !ReferenceEquals(known, child)) return;
        }
        var strategy = Props.SupervisorStrategy ?? Actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
        var directive = strategy.Decide(this, child, failed.Cause);
        strategy.LogFailure(System.Log, child.Self, failed.Cause, directive);
        var targets = strategy.AppliesToAllChildren ? AllChildCells() : new List<ActorCell> { child };
        foreach (var target in targets)
        {
            switch (directive)
            {
                case Directive.Resume:
                    if (ReferenceEquals(target, child)) target.SendSystem(ResumeAfterFailure.Instance);
                    break;
                case Directive.Restart:
                    target.SendSystem(new Recreate(failed.Cause));
                    break;
                case Directive.Stop:
                    target.SendSystem(Dispatch.Terminate.Instance);
                    break;
                case Directive.Escalate:
                    if (ReferenceEquals(target, child)) HandleInvokeFailure(failed.Cause);
                    break;
            }
        }
    }

    private List<ActorCell> AllChildCells()
    {
        var list = new List<ActorCell>();
        var children = _children;
        if (children is null) return list;
        lock (children) list.AddRange(children.Values);
        return list;
    }

    private void Resume()
    {
        if (_state >= StateTerminating) return;
        _suspended = false;
        _failedMessage = null;
        Mailbox.ScheduleIfWork();
    }

    private void BeginRecreate(Exception cause)
    {
        if (_state >= StateTerminating) return;
        _suspended = true;
        var failedMessage = _failedMessage;
        _failedMessage = null;
        _timers?.CancelAll();
        try
        {
            Actor?.InvokePreRestart(cause, failedMessage);
        }
        catch (Exception preRestartFailure)
        {
            System.Log.Error(preRestartFailure, "PreRestart of {ActorPath} failed", Self.Path.ToString());
        }
        _pendingRecreate = cause;
        if (ChildCount == 0) FinishRecreate();
    }

    private void FinishRecreate()
    {
        var cause = _pendingRecreate!;
        _pendingRecreate = null;
        _behavior = null;
        _behaviorStack = null;
        try
        {
            Actor = ActorBase.Construct(this, Props);
            Actor.InvokePostRestart(cause);
        }
        catch (Exception failure)
        {
            HandleInvokeFailure(new ActorInitializationException(Self, $"Exception while re-creating actor {Self.Path}: {failure.Message}", failure));
            return;
        }
        _stash?.UnstashAllForRestart();
        _suspended = false;
        Mailbox.ScheduleIfWork();
    }

    private void BeginTerminate()
    {
        if (_state >= StateTerminating) return;
        _state = StateTerminating;
        _timers?.CancelAll();
        _receiveTimeout?.Cancel();
        if (ChildCount > 0) StopAllChildren();
        else FinishTerminate();
    }

    private void OnChildTerminated()
    {
        // The root's only child is /user: when it is gone, so is the system.
        if (ParentCell is null && _state == StateRunning) System.OnUserGuardianTerminated();
        if (ChildCount != 0) return;
        if (_state == StateTerminating) FinishTerminate();
        else if (_pendingRecreate is not null) FinishRecreate();
    }

    private void FinishTerminate()
    {
        if (_state == StateTerminated) return;
        try
        {
            Actor?.InvokePostStop();
        }
        catch (Exception failure)
        {
            System.Log.Error(failure, "PostStop of {ActorPath} failed", Self.Path.ToString());
        }
        _state = StateTerminated;
        var (user, system) = Mailbox.Close();
        if (user is not null)
            foreach (var envelope in user) System.PublishDeadLetter(envelope.Message, envelope.Sender, Self);
        _stash?.DrainToDeadLetters();
        if (system is not null)
            foreach (var message in system) HandleSystemMessageAfterDeath(message);
        NotifyWatchersOfDeath();
        Actor = null;
        _behavior = null;
        _behaviorStack = null;
        if (ParentCell is not null) ParentCell.SendSystem(new DeathWatchNotification(Self, existenceConfirmed: true));
        else System.OnRootTerminated();
    }
}
