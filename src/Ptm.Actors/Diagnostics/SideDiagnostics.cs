namespace Ptm.Actors.Diagnostics;

/// <summary>The measurements and logs of one side (manager or subsidiary) of one PtySystem's ptys.</summary>
internal sealed class SideDiagnostics
{
    private readonly PtyDiagnostics _system;
    private readonly KeyValuePair<string, object?> _side;
    private readonly KeyValuePair<string, object?> _direction;
    private readonly string _name;

    private static readonly KeyValuePair<string, object?> s_crashFault = PtyDiagnostics.Tag("ptm.fault", "crash");
    private static readonly KeyValuePair<string, object?> s_managerClosed = PtyDiagnostics.Tag("ptm.hangup.cause", "manager_closed");
    private static readonly KeyValuePair<string, object?> s_managerCrashed = PtyDiagnostics.Tag("ptm.hangup.cause", "manager_crashed");

    public SideDiagnostics(PtyDiagnostics system, bool manager)
    {
        _system = system;
        IsManager = manager;
        _name = NameOf(manager);
        _side = PtyDiagnostics.Tag("ptm.side", _name);
        _direction = PtyDiagnostics.Tag("ptm.direction", manager ? "manager_to_subsidiary" : "subsidiary_to_manager");
    }

    public static string NameOf(bool manager) => manager ? "manager" : "subsidiary";

    public PtyDiagnostics System => _system;

    public bool IsManager { get; }

    /// <summary>An open of this side succeeded (L1, L7).</summary>
    public void Opened(int minor)
    {
        if (PtyMetrics.Opens.Enabled) PtyMetrics.Opens.Add(1, _system.System, _side);
        PtyLog.Opened(_system.Log, minor, _system.Name, _name);
    }

    /// <summary>A descriptor of this side was closed.</summary>
    public void Closed(int minor)
    {
        if (PtyMetrics.Closes.Enabled) PtyMetrics.Closes.Add(1, _system.System, _side);
        PtyLog.Closed(_system.Log, minor, _system.Name, _name);
    }

    /// <summary>A write or putmsg on this side moved <paramref name="count"/> bytes into the stream (a hot path).</summary>
    public void Wrote(int count)
    {
        if (count > 0 && PtyMetrics.Bytes.Enabled) PtyMetrics.Bytes.Add(count, _system.System, _direction);
    }

    /// <summary>A blocking writer on this side waits for room below (H8, D14).</summary>
    public void Stalled()
    {
        if (PtyMetrics.Stalls.Enabled) PtyMetrics.Stalls.Add(1, _system.System, _side);
    }

    /// <summary>L15, PD13: a subsidiary was hung up by its manager's close or crash.</summary>
    public void HungUp(int minor, bool managerCrashed)
    {
        if (PtyMetrics.Hangups.Enabled) PtyMetrics.Hangups.Add(1, _system.System, managerCrashed ? s_managerCrashed : s_managerClosed);
        PtyLog.HungUp(_system.Log, minor, _system.Name, managerCrashed ? "manager crashed" : "manager closed");
    }

    /// <summary>An injected crash (PD13) is a fault injected; every crash is logged.</summary>
    public void Crashed(int minor, Exception cause)
    {
        var injected = cause is InjectedCrashException;
        if (injected && PtyMetrics.FaultsInjected.Enabled) PtyMetrics.FaultsInjected.Add(1, _system.System, s_crashFault);
        PtyLog.Crashed(_system.Log, injected ? null : cause, minor, _system.Name, _name, injected ? "injected" : "failure");
    }
}
