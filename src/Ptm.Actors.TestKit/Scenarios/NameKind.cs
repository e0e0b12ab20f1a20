namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>What a name stands for at a point of the spec. Steps run in a straight line, so
/// the parser knows this exactly and can reject misuse before anything runs.</summary>
internal enum NameKind
{
    /// <summary>Bound by `NAME = open ...` (or by a successful `await` of a started open).</summary>
    Handle,
    /// <summary>`NAME = open ... &amp;` not yet awaited: not usable as a handle.</summary>
    StartedOpen,
    /// <summary>`NAME = STEP &amp;` for any other call, not yet awaited.</summary>
    StartedCall,
    /// <summary>A started call that was awaited: nothing more to do with it.</summary>
    AwaitedCall,
    /// <summary>Bound on a line with an error: accepted anywhere so one mistake reports once.</summary>
    Poisoned,
}
