using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak;

// The events of a terminal session (ptem and ldterm pushed on the subsidiary, M1, M3, M4). Its
// bytes are transformed by the line discipline, so they are not PayloadPattern bytes and never
// reach the byte-exact ledger (PD14's StreamLedger): the checker's TerminalLedger replays the
// transformation instead (TerminalDiscipline) and compares what arrived with what must arrive.
// Received events of a terminal epoch carry the bytes read, as for any other epoch.

/// <summary>Base of the events about one terminal epoch.</summary>
internal abstract record TerminalEvent(long Session, int Epoch) : SoakEvent;

/// <summary>After: ptem and then ldterm were pushed on the epoch's subsidiary; from here its streams are terminal streams.</summary>
internal sealed record ModulesPushed(long Session, int Epoch) : TerminalEvent(Session, Epoch);

/// <summary>
/// Before: these bytes are about to be written on the manager (typed input, M1) or on the
/// subsidiary (program output), one write. If the write does not return its full count the
/// workload emits <see cref="TerminalWriteFailed"/> after it.
/// </summary>
internal sealed record TerminalWritten(long Session, int Epoch, Direction Direction, ReadOnlyMemory<byte> Bytes) : TerminalEvent(Session, Epoch);

/// <summary>After: a terminal write did not return its full count: what it caused is unknown, so the epoch's terminal checks stop.</summary>
internal sealed record TerminalWriteFailed(long Session, int Epoch, Direction Direction) : TerminalEvent(Session, Epoch);

/// <summary>After: tcsetattr on the subsidiary succeeded with these modes (TCSETS, TCSETSW, or TCSETSF inside a discard window).</summary>
internal sealed record TerminalModesSet(long Session, int Epoch, Termios Modes) : TerminalEvent(Session, Epoch);

/// <summary>After: tcgetattr on the subsidiary returned these modes (they must be the last ones set, M3.3, M4.3).</summary>
internal sealed record TerminalModesRead(long Session, int Epoch, Termios Modes) : TerminalEvent(Session, Epoch);

/// <summary>After: TIOCSWINSZ from Side succeeded; a change owes the subsidiary a SIGWINCH (M3.5, M3.8).</summary>
internal sealed record WindowSizeSet(long Session, int Epoch, Side Side, WindowSize Size) : TerminalEvent(Session, Epoch);

/// <summary>After: TIOCGWINSZ from Side returned this size (the last one set, from either side).</summary>
internal sealed record WindowSizeRead(long Session, int Epoch, Side Side, WindowSize Size) : TerminalEvent(Session, Epoch);

/// <summary>After: the subsidiary's stream head handed over the signals it recorded since the last take (M4.5).</summary>
internal sealed record SignalsTaken(long Session, int Epoch, IReadOnlyList<Signal> Signals) : TerminalEvent(Session, Epoch);

/// <summary>
/// The workload waited for everything its terminal operations owe (echo, lines, output,
/// signals) or ran out of patience: whatever is still owed and not excused by a discard is lost.
/// </summary>
internal sealed record TerminalSettled(long Session, int Epoch) : TerminalEvent(Session, Epoch);
