using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

/// <summary>
/// The STREAMS message type numbers of sys/stream.h that pckt writes as the one control byte of
/// a packet (M2). A manager application compares them with the numbers it knows from illumos.
/// </summary>
internal static class PacketTypes
{
    public const byte M_DATA = 0x00;
    public const byte M_PROTO = 0x01;
    public const byte M_IOCTL = 0x0e;
    public const byte M_PCPROTO = 0x83;
    public const byte M_READ = 0x85;
    public const byte M_FLUSH = 0x86;
    public const byte M_STOP = 0x87;
    public const byte M_START = 0x88;
    public const byte M_STOPI = 0x8f;
    public const byte M_STARTI = 0x90;

    public static byte Of(FlowKind kind) => kind switch
    {
        FlowKind.StopOutput => M_STOP,
        FlowKind.StartOutput => M_START,
        FlowKind.StopInput => M_STOPI,
        _ => M_STARTI,
    };
}
