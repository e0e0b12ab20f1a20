using System.Collections.Immutable;
using System.Diagnostics;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// One run of one spec on one target. Timing (docs/spec-language.md): a step without `&amp;`
/// starts its call, waits until the whole system is idle, and then the call must be complete
/// ("blocked" otherwise: the runner never waits on the wall clock for a call). A step with
/// `&amp;` only starts its call. `pending`/`await` look at a started call after an idle wait.
/// Time is virtual: a timer fires only when `sleep` moves the clock, never by itself, so a
/// call waiting for one is "blocked" or pending until a spec sleeps.
/// Everything runs on the caller's thread: on a deterministic target every await below meets a
/// completed task, so the run is a pure function of the seed.
/// </summary>
internal sealed partial class ScenarioRun
{
    private readonly SpecScript _spec;
    private readonly IScenarioTarget _target;
    private readonly int? _seed;
    private readonly ScenarioOptions _options;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, HandleBinding> _names = new(StringComparer.Ordinal);
    /// <summary>Descriptors opened and not closed by a completed close, in opening order.</summary>
    private readonly List<(int Fd, string Name)> _openFds = new();
    /// <summary>Every open started with `&amp;`: the ones never awaited are closed at the end too.</summary>
    private readonly List<(Task<CallResult> Call, string Name)> _startedOpens = new();
    private readonly List<ReadAllOperation> _readAlls = new();
    private readonly ImmutableArray<string>.Builder _transcript = ImmutableArray.CreateBuilder<string>();
    private ScenarioCredentials _who = ScenarioCredentials.Root;
    private bool _disposed;
    private int? _stepsTraceLength;

    public ScenarioRun(SpecScript spec, IScenarioTarget target, int? seed, ScenarioOptions options)
    {
        _spec = spec;
        _target = target;
        _seed = seed;
        _options = options;
    }

    public async Task<ScenarioResult> ExecuteAsync()
    {
        var failedLine = 0;
        string? failure = null;
        foreach (var step in _spec.Steps)
        {
            failure = await Guarded(() => ExecuteStepAsync(step));
            if (failure is not null) { failedLine = step.Line; break; }
        }
        if (failure is null)
        {
            failure = await Guarded(FinishAsync);
            if (failure is not null) failedLine = _spec.LastLine;
        }
        else
        {
            // The failure is the story; cleanup is best effort so the system does not linger.
            await Guarded(FinishAsync);
        }
        if (!_disposed)
        {
            // The run already failed or timed out; shutting down is a courtesy, its errors add nothing.
            try { await DisposeTargetAsync(); } catch (Exception) { }
        }
        return new ScenarioResult(_spec.Path, _seed, failure is null, failure is null ? 0 : failedLine, failure,
            _transcript.ToArray(), [.. _target.Trace]) { SkippedLines = _skipped.ToArray(), StepsTraceLength = _stepsTraceLength };
    }

    /// <summary>Runs one piece of the spec, turning a hung system or a throwing target into a failure message.</summary>
    private async Task<string?> Guarded(Func<Task<string?>> action)
    {
        try
        {
            if (_clock.Elapsed > _options.SafetyNet) throw new SafetyNetExpiredException(_options.SafetyNet);
            return await action();
        }
        catch (SafetyNetExpiredException expired)
        {
            return expired.Message;
        }
        catch (Exception error)
        {
            return $"the target threw {error.GetType().Name}: {error.Message}";
        }
    }

    private async Task<string?> ExecuteStepAsync(Step step)
    {
        foreach (var readAll in _readAlls) readAll.AllowRetry();
        if (SkipFor(step) is { } reason) return Skip(step, reason);
        switch (step)
        {
            case AsStep credentials:
                _who = credentials.Credentials;
                Record(step, "-");
                return null;
            case IdleStep:
                await IdleAsync();
                Record(step, "idle");
                return null;
            case SleepStep sleep:
                // Idle first: a call started with & has armed its timers before time moves on.
                await IdleAsync();
                await WithinSafetyNetAsync(_target.AdvanceClockAsync(sleep.Duration));
                await IdleAsync();
                Record(step, "idle");
                return null;
            case PendingStep pending:
            {
                var started = Started(pending.Name);
                await IdleAsync(started.Call);
                if (!started.Call.IsCompleted) { Record(step, "pending"); return null; }
                var result = Outcome(started.Call);
                var described = ExpectationMatcher.Describe(result, ResultKinds.Of(started.Step));
                Record(step, described);
                return $"expected the call of line {started.Step.Line} to be pending, got {described}";
            }
            case AwaitStep awaited:
            {
                var started = Started(awaited.Name);
                await IdleAsync(started.Call);
                if (!started.Call.IsCompleted)
                {
                    Record(step, "still pending");
                    return $"blocked: the call of line {started.Step.Line} is still pending once the system is idle";
                }
                var result = Outcome(started.Call);
                for (var i = _startedOpens.Count - 1; i >= 0; i--)
                    if (ReferenceEquals(_startedOpens[i].Call, started.Call)) _startedOpens.RemoveAt(i);
                AfterCompletion(started.Step, awaited.Name, result, bindingBefore: null);
                return Check(step, awaited.Expect, result, ResultKinds.Of(started.Step));
            }
            case CallStep call:
                return await ExecuteCallAsync(call);
            default:
                throw new InvalidOperationException($"no runner for {step.GetType().Name}");
        }
    }

    private async Task<string?> ExecuteCallAsync(CallStep call)
    {
        var bindingBefore = call.BindTo is { } name && _names.TryGetValue(name, out var before) ? before : null;
        var (task, resolveFailure) = await StartAsync(call);
        if (resolveFailure is not null) { Record(call, resolveFailure); return resolveFailure; }
        if (call.Background)
        {
            _names[call.BindTo!] = new StartedCall(task!, call);
            if (call is OpenStep) _startedOpens.Add((task!, call.BindTo!));
            Record(call, "started");
            return null;
        }
        await IdleAsync(task);
        if (!task!.IsCompleted)
        {
            Record(call, "blocked");
            return "blocked: the call is still incomplete once the system is idle";
        }
        var result = Outcome(task);
        AfterCompletion(call, call.BindTo, result, bindingBefore);
        return Check(call, call.Expect, result, ResultKinds.Of(call));
    }

    /// <summary>Keeps the name table and the open descriptors in step with a completed call.</summary>
    private void AfterCompletion(CallStep call, string? name, CallResult result, HandleBinding? bindingBefore)
    {
        switch (call)
        {
            case OpenStep open when result.Errno == 0:
                if (name is not null) _names[name] = new OpenHandle((int)result.Value, open.Flags);
                if (!IsOpen((int)result.Value)) _openFds.Add(((int)result.Value, name ?? $"line {call.Line}"));
                break;
            case OpenStep when name is not null:
                if (call.Background || bindingBefore is null or StartedCall)
                    _names[name] = new FailedHandle(); // used later: EBADF, as a closed descriptor
                else
                    _names[name] = bindingBefore; // "on failure NAME stays" as it was
                break;
            case CloseStep close when result.Errno == 0 && FdOf(close.Handle) is var fd and not NoDescriptor:
                for (var i = 0; i < _openFds.Count; i++)
                    if (_openFds[i].Fd == fd) { _openFds.RemoveAt(i); break; }
                break;
        }
    }

    private string? Check(Step step, ExpectationSet? expect, CallResult result, ResultKind kind)
    {
        Record(step, ExpectationMatcher.Describe(result, kind));
        return ExpectationMatcher.Check(expect, result, kind);
    }

    private StartedCall Started(string name) =>
        _names.TryGetValue(name, out var binding) && binding is StartedCall started
            ? started
            : throw new InvalidOperationException($"'{name}' is not a started call"); // the parser rules this out

    private static CallResult Outcome(Task<CallResult> completed) => completed.GetAwaiter().GetResult();

    private bool IsOpen(int fd)
    {
        foreach (var open in _openFds)
            if (open.Fd == fd) return true;
        return false;
    }

    private void Record(Step step, string actual) => _transcript.Add($"{step.Line}: {step.Source}  -> {actual}");
}
