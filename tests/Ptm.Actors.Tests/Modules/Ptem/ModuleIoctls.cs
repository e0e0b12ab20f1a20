using System.Buffers.Binary;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules;

/// <summary>Builds the ioctls the ptem, pckt and ttcompat tests send, with the payload conventions of issue 14.</summary>
internal static class ModuleIoctls
{
    public static IoctlMessage Request(int command, byte[]? payload = null, long id = 7) => new(id, command, payload, Credentials.Root);

    public static IoctlMessage IntIoctl(int command, int argument, long id = 7)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(payload, argument);
        return Request(command, payload, id);
    }

    public static IoctlMessage SetTermios(int command, Termios termios, long id = 7) => Request(command, termios.ToBytes(), id);

    public static Termios WithSpeed(Termios termios, uint speed) =>
        termios with { Control = (termios.Control & ~ControlModes.CBAUD) | (ControlModes)speed };

    public static Termios ParseTermios(IoctlAck ack)
    {
        Assert.True(Termios.TryParse(ack.Data!.Value.Span, out var termios));
        return termios;
    }
}
