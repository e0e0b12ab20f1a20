using Ptm.Actors.Modules;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules;

/// <summary>
/// A module's queue pair without an actor: it records what the module sends each way, lets a
/// test say whether the neighbours have room, and holds the one timer so a test fires it.
/// </summary>
internal sealed class FakeModuleContext : IModuleContext
{
    private long _ioctlIds = 1_000_000;

    /// <summary>Everything sent towards the stream head, oldest first.</summary>
    public List<StreamMessage> Up { get; } = new();

    /// <summary>Everything sent towards the driver, oldest first.</summary>
    public List<StreamMessage> Down { get; } = new();

    public bool CanPutUp { get; set; } = true;
    public bool CanPutDown { get; set; } = true;

    /// <summary>The armed timer's delay, null when none is armed.</summary>
    public TimeSpan? Timer { get; private set; }

    public int Enables { get; private set; }

    public void PutUp(StreamMessage message) => Up.Add(message);
    public void PutDown(StreamMessage message) => Down.Add(message);
    public long NewIoctlId() => ++_ioctlIds;
    public void StartTimer(TimeSpan delay) => Timer = delay;
    public void CancelTimer() => Timer = null;
    public void Enable() => Enables++;

    /// <summary>Fires the armed timer as the actor would.</summary>
    public void FireTimer(StreamModule module)
    {
        Assert.NotNull(Timer);
        Timer = null;
        module.TimerFired(this);
    }

    /// <summary>The bytes of the M_DATA messages sent up, concatenated, as text; the list is then cleared.</summary>
    public string TakeUpText() => TakeText(Up);

    /// <summary>The bytes of the M_DATA messages sent down (echo, output), as text; the list is then cleared.</summary>
    public string TakeDownText() => TakeText(Down);

    private static string TakeText(List<StreamMessage> messages)
    {
        var text = string.Concat(messages.OfType<DataMessage>().Select(m => System.Text.Encoding.Latin1.GetString(m.Bytes.Span)));
        messages.Clear();
        return text;
    }

    public static DataMessage Data(string text) => new(System.Text.Encoding.Latin1.GetBytes(text));
}
