using System.Text;

namespace Ptm.Actors.TestKit.Scenarios;

// The terminal steps (docs/spec-language.md, "Modules, terminal settings and signals") as
// target calls: each is one ioctl by name with its payload, whose copied-out reply becomes the
// step's value, or the signals call. tcsetattr is TCGETS, a change, then TCSETS/W/F.
internal sealed partial class ScenarioRun
{
    private static readonly CallResult BadReply = new(-1, ErrnoTable.EINVAL);

    private Task<CallResult>? StartTerminal(CallStep call, int fd) => call switch
    {
        PayloadIoctlStep ioctl => Map(_target.IoctlWithReplyAsync(fd, ioctl.Name, ioctl.Payload?.ToArray(), _who), ioctl.Reply switch
        {
            IoctlReply.Text => static reply => reply with { Text = Encoding.ASCII.GetString(reply.Bytes ?? []), Bytes = null },
            IoctlReply.WindowSize => SizeText,
            _ => static reply => reply with { Bytes = null },
        }),
        TcgetattrStep get => Map(_target.IoctlWithReplyAsync(fd, "TCGETS", null, _who),
            reply => Termios.TryParse(reply.Bytes ?? [], out var termios) ? new CallResult(get.Field.Read(termios), 0) : BadReply),
        WinsizeStep { Set: { } size } => Map(_target.IoctlWithReplyAsync(fd, "TIOCSWINSZ", size.ToBytes(), _who), static reply => reply with { Bytes = null }),
        WinsizeStep => Map(_target.IoctlWithReplyAsync(fd, "TIOCGWINSZ", null, _who), SizeText),
        SignalsStep => _target.SignalsAsync(fd, _who),
        _ => null,
    };

    /// <summary>tcsetattr's first half, as a step of its own (waiting for idleness): TCGETS. A
    /// failure there is the step's result; a hung TCGETS is reported, not raced.</summary>
    private async Task<(Task<CallResult>? Call, string? Failure)> StartTcsetattrAsync(TcsetattrStep step)
    {
        var fd = FdOf(step.Handle);
        var get = _target.IoctlWithReplyAsync(fd, "TCGETS", null, _who);
        await IdleAsync(get);
        if (!get.IsCompleted) return (null, $"blocked: TCGETS on '{step.Handle}' (tcsetattr's first half) is still incomplete once the system is idle");
        var current = Outcome(get);
        if (current.Errno != 0) return (Task.FromResult(current), null);
        if (!Termios.TryParse(current.Bytes ?? [], out var termios)) return (Task.FromResult(BadReply), null);
        foreach (var setting in step.Settings) termios = setting.ApplyTo(termios);
        var command = step.When switch { TerminalChange.Drain => "TCSETSW", TerminalChange.Flush => "TCSETSF", _ => "TCSETS" };
        return (Map(_target.IoctlWithReplyAsync(fd, command, termios.ToBytes(), _who), static reply => reply with { Bytes = null }), null);
    }

    private static CallResult SizeText(CallResult reply) =>
        WindowSize.TryParse(reply.Bytes ?? [], out var size) ? new CallResult(0, 0, Text: $"{size.Rows} {size.Columns}") : BadReply;

    /// <summary>The target's own call behind each converted one, for idle waits that focus on a call.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Task, Task> _targetCalls = new();

    /// <summary>Converts a successful reply; failures pass unchanged. Inline, so a completed call's result is ready at once.</summary>
    private Task<CallResult> Map(Task<CallResult> call, Func<CallResult, CallResult> convert)
    {
        var converted = call.ContinueWith(
            task => task.Result.Errno == 0 ? convert(task.Result) : task.Result,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _targetCalls.AddOrUpdate(converted, call);
        return converted;
    }

    /// <summary>The call the target started for <paramref name="call"/> (itself unless it was converted).</summary>
    private Task TargetCall(Task call) => _targetCalls.TryGetValue(call, out var started) ? started : call;
}
