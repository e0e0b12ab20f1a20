using System.Buffers.Binary;
using System.Text;
using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using LdtermModule = Ptm.Actors.Modules.Ldterm;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>
/// An opened ldterm on a fake queue pair: what the manager types arrives from below (Type), what
/// the subsidiary writes comes from above (Write), and the test reads what went up and down.
/// The messages of the open are cleared, so each test sees only its own traffic.
/// </summary>
internal sealed class LdtermHarness
{
    private long _ids;

    public LdtermModule Module { get; } = new();
    public FakeModuleContext Context { get; } = new();

    public List<StreamMessage> Up => Context.Up;
    public List<StreamMessage> Down => Context.Down;

    public LdtermHarness(Func<Termios, Termios>? modes = null)
    {
        Module.Open(Context);
        if (modes is not null) Set(modes);
        Clear();
    }

    public void Clear()
    {
        Up.Clear();
        Down.Clear();
    }

    /// <summary>Bytes typed on the manager: an M_DATA arriving at ldterm's read side.</summary>
    public void Type(string text) => Module.ReadPut(FakeModuleContext.Data(text), Context);

    /// <summary>Bytes the subsidiary writes: an M_DATA arriving at ldterm's write side.</summary>
    public void Write(string text) => Module.WritePut(FakeModuleContext.Data(text), Context);

    public void FromBelow(StreamMessage message) => Module.ReadPut(message, Context);

    public void FromAbove(StreamMessage message) => Module.WritePut(message, Context);

    /// <summary>An M_READ from the stream head.</summary>
    public void Read(int count = 1024) => FromAbove(new ReadMessage(count));

    public IoctlMessage Ioctl(int command, ReadOnlyMemory<byte>? payload = null) => new(++_ids, command, payload, Credentials.Root);

    public static ReadOnlyMemory<byte> Int(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>TCSETS with the current modes changed; its travel down and any options sent up are cleared.</summary>
    public void Set(Func<Termios, Termios> change)
    {
        FromAbove(Ioctl(IoctlCommands.TCSETS, change(Module.Modes).ToBytes()));
        Clear();
    }

    /// <summary>Non-canonical mode with the given VMIN and VTIME (tenths of a second).</summary>
    public void Raw(byte min, byte time) =>
        Set(t => (t with { Local = t.Local & ~LocalModes.ICANON }).With(ControlChar.VMIN, min).With(ControlChar.VTIME, time));

    /// <summary>The data messages sent up, one string each (a line is one message).</summary>
    public List<string> UpData() => Up.OfType<DataMessage>().Select(Text).ToList();

    public string TakeUpText() => Context.TakeUpText();

    /// <summary>Echo and output sent down, concatenated.</summary>
    public string TakeDownText() => Context.TakeDownText();

    public static string Text(DataMessage message) => Encoding.Latin1.GetString(message.Bytes.Span);

    public static Func<Termios, Termios> Local(LocalModes on, LocalModes off = LocalModes.None) => t => t with { Local = (t.Local | on) & ~off };

    public static Func<Termios, Termios> Input(InputModes on, InputModes off = InputModes.None) => t => t with { Input = (t.Input | on) & ~off };

    public static Func<Termios, Termios> Output(OutputModes on, OutputModes off = OutputModes.None) => t => t with { Output = (t.Output | on) & ~off };
}
