namespace Ptm.Actors;

/// <summary>The exception an injected crash makes a side actor fail with (PD13).</summary>
internal sealed class InjectedCrashException(int minor, bool manager)
    : Exception($"injected crash of the {(manager ? "manager" : "subsidiary")} of pty {minor}");
