using System.Buffers.Binary;
using System.Text;
using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs.Fakes;

// The terminal calls of the fake: just enough state (modules, one termios, a window size, the
// subsidiary's signals) for the runner's terminal steps to be tested without the actors.
internal sealed partial class FakePtyTarget
{
    /// <summary>Steps the fake declines, as a target without modules would: the reason by step type.</summary>
    public Func<Step, ScenarioCredentials, string?>? Skips { get; init; }

    public string? SkipReason(Step step, ScenarioCredentials who) => Skips?.Invoke(step, who);

    /// <summary>For each idle wait that focused on a call: whether it was a task this fake handed out.</summary>
    public List<bool> FocusWasOwnCall { get; } = new();

    public Task WhenIdleAsync(Task focus)
    {
        FocusWasOwnCall.Add(_issued.Contains(focus));
        return WhenIdleAsync();
    }

    public Task<CallResult> IoctlWithReplyAsync(int fd, string name, byte[]? payload, ScenarioCredentials who) =>
        Enqueue($"ioctl {fd} {name}{(payload is null ? "" : " " + Convert.ToHexString(payload))}", () =>
        {
            if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
            var pty = end.Pty;
            var modules = end.IsManager ? pty.ManagerModules : pty.SubsidiaryModules;
            var text = payload is null ? "" : Encoding.ASCII.GetString(payload);
            switch (name)
            {
                case "I_PUSH" when text is "ptem" or "ldterm" or "pckt" or "ttcompat": modules.Insert(0, text); return Ok();
                case "I_POP" when modules.Count > 0: modules.RemoveAt(0); return Ok();
                case "I_FIND": return new CallResult(modules.Contains(text) ? 1 : 0, 0);
                case "I_LIST":
                    return new CallResult(0, 0, Encoding.ASCII.GetBytes(string.Join(' ', modules.Append(end.IsManager ? "ptm" : "pts"))));
                case "TCGETS": return new CallResult(0, 0, pty.Termios.ToBytes());
                case "TCSETS" or "TCSETSW" or "TCSETSF" when Termios.TryParse(payload, out var termios):
                    pty.Termios = termios;
                    return Ok();
                case "TIOCGWINSZ": return new CallResult(0, 0, pty.Size.ToBytes());
                case "TIOCSWINSZ" when WindowSize.TryParse(payload, out var size):
                    if (size != pty.Size) pty.SubsidiarySignals.Add(Signal.SIGWINCH);
                    pty.Size = size;
                    return Ok();
                case "TIOCSIGNAL" when payload is { Length: 4 }:
                    pty.SubsidiarySignals.Add((Signal)BinaryPrimitives.ReadInt32LittleEndian(payload));
                    return Ok();
                case "TCSBRK" or "TCXONC" or "TCFLSH" or "TIOCREMOTE" or "TIOCSTI": return Ok();
                default: return Fail(ErrnoTable.EINVAL);
            }
        });

    public Task<CallResult> SignalsAsync(int fd, ScenarioCredentials who) => Enqueue($"signals {fd}", () =>
    {
        if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
        if (end.IsManager) return Ok();
        var names = string.Join(' ', end.Pty.SubsidiarySignals.Select(Signals.Name));
        end.Pty.SubsidiarySignals.Clear();
        return new CallResult(0, 0, Text: names.Length == 0 ? null : names);
    });
}
