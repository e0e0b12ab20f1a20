using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs.Fakes;

// putmsg and getmsg on the fake: whole messages, each part kept or absent as sent.
internal sealed partial class FakePtyTarget
{
    public Task<CallResult> PutmsgAsync(int fd, byte[]? control, byte[]? data, ScenarioCredentials who) =>
        Enqueue($"putmsg {fd} ctl {control?.Length.ToString() ?? "-"} data {data?.Length.ToString() ?? "-"}", () =>
        {
            if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
            if (end.Crashed || (!end.IsManager && end.Pty.HungUp)) return Fail(ErrnoTable.EIO);
            if (control is null && data is null) return Ok(); // putmsg(2): no message is sent
            (end.IsManager ? end.Pty.MessagesToSubsidiary : end.Pty.MessagesToManager).Enqueue(new MessageParts(control, data));
            return Ok();
        });

    /// <summary>A queued message first, cut to the buffers (the fake keeps no remainder), then
    /// written bytes as a data-only message; at a hang-up both parts come back empty, as getmsg(2) says.</summary>
    public Task<CallResult> GetmsgAsync(int fd, int controlLength, int dataLength, ScenarioCredentials who) =>
        Enqueue($"getmsg {fd} {controlLength} {dataLength}", () =>
        {
            if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
            if (end.Crashed) return Fail(ErrnoTable.EIO);
            var pty = end.Pty;
            var messages = end.IsManager ? pty.MessagesToManager : pty.MessagesToSubsidiary;
            if (messages.TryDequeue(out var message))
                return Got(Cut(message.Control, controlLength), Cut(message.Data, dataLength));
            var bytes = end.IsManager ? pty.ToManager : pty.ToSubsidiary;
            if (bytes.Count > 0)
            {
                var taken = Math.Min(dataLength, bytes.Count);
                var data = bytes.GetRange(0, taken).ToArray();
                bytes.RemoveRange(0, taken);
                return Got(null, data);
            }
            if (!end.IsManager && pty.HungUp) return Got([], []);
            return end.NonBlocking ? Fail(ErrnoTable.EAGAIN) : null;
        });

    private static byte[]? Cut(byte[]? part, int length) => part is null ? null : part.AsSpan(0, Math.Min(length, part.Length)).ToArray();

    private static CallResult Got(byte[]? control, byte[]? data) => new(0, 0, Message: new MessageParts(control, data));
}
