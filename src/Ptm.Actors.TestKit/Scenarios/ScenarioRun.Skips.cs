namespace Ptm.Actors.TestKit.Scenarios;

// Steps a target cannot run (the Linux oracle has no STREAMS modules, no process model, one
// user) are skipped and listed, never passed: a skipped open makes its handle skipped too, so
// every later step on it is skipped rather than failing EBADF.
internal sealed partial class ScenarioRun
{
    private readonly List<int> _skipped = new();

    /// <summary>Why <paramref name="step"/> is skipped, or null to run it.</summary>
    private string? SkipFor(Step step)
    {
        foreach (var name in NamesUsedBy(step))
            if (_names.TryGetValue(name, out var binding) && binding is SkippedBinding)
                return $"'{name}' comes from a skipped step";
        return step is CallStep ? _target.SkipReason(step, _who) : null;
    }

    private string? Skip(Step step, string reason)
    {
        if (step is CallStep { BindTo: { } name }) _names[name] = new SkippedBinding();
        _skipped.Add(step.Line);
        Record(step, "skipped: " + reason);
        return null;
    }

    private static IEnumerable<string> NamesUsedBy(Step step)
    {
        switch (step)
        {
            case PendingStep pending: yield return pending.Name; break;
            case AwaitStep awaited: yield return awaited.Name; break;
            case OpenStep { Path: SubsidiaryOf of }: yield return of.ManagerHandle; break;
            case StatStep { Path: SubsidiaryOf of }: yield return of.ManagerHandle; break;
            case CallStep call when HasHandle(call): yield return HandleOf(call); break;
        }
    }
}
