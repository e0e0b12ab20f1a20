namespace Ptm.Actors.Streams;

/// <summary>
/// A queue's flow-control marks. A producer may put a message while the queue holds fewer than
/// <see cref="High"/> bytes, so a queue never exceeds High plus one message; once a full queue
/// drains below <see cref="Low"/> the producer is told to resume (D13, D14, D15).
/// </summary>
internal readonly record struct WaterMarks(int High, int Low)
{
    /// <summary>ptm's own queues (module_info, N6): 512/128; also its maximum packet size (D18).</summary>
    public static readonly WaterMarks PtmQueue = new(512, 128);

    /// <summary>pts's own queues (N6): 2048/128.</summary>
    public static readonly WaterMarks PtsQueue = new(2048, 128);

    /// <summary>Both stream heads' read queues, from their M_SETOPTS (D17, PD11: the 2021 value).</summary>
    public static readonly WaterMarks StreamHead = new(2048, 256);

    public const int PtmMaxPacket = 512;
    public const int PtsMaxPacket = 2048;
}
