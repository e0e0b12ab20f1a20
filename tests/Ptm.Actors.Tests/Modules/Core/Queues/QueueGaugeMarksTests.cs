using Akka.Actor;
using Ptm.Actors.Modules;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.CoreQueues;

/// <summary>
/// A module queue's gauge at its marks (D13, D14, D15): full from high water on, as putq sets
/// QFULL at q_count >= q_hiwat; a waiting writer back-enabled once the level is strictly below
/// low water, as qbackenable does (stream.c), or, with a low mark of 0, once the queue is empty.
/// The producer is a recording ref, so each publication's effect is seen at once.
/// </summary>
public class QueueGaugeMarksTests
{
    private static readonly WaterMarks Marks = new(512, 128);

    [Fact]
    public void A_queue_at_exactly_its_high_water_is_full()
    {
        var gauge = new QueueGauge(Marks);
        gauge.Sent(Data(Marks.High - 1));
        Assert.True(gauge.CanPut);
        gauge.Sent(Data(1));
        Assert.False(gauge.CanPut);
        Assert.False(gauge.CanPutOrWait(new RecordingRef()));
    }

    [Fact]
    public void A_waiting_writer_is_back_enabled_between_empty_and_low_water()
    {
        var (gauge, writer) = FullWithWriterWaiting(Marks);
        gauge.Publish(held: Marks.Low / 2);
        Assert.Equal(1, writer.BackEnables);
    }

    [Fact]
    public void A_waiting_writer_is_not_back_enabled_at_exactly_low_water_but_once_below_it()
    {
        var (gauge, writer) = FullWithWriterWaiting(Marks);
        gauge.Publish(held: Marks.Low);
        Assert.Equal(0, writer.BackEnables);
        gauge.Publish(held: Marks.Low - 1);
        Assert.Equal(1, writer.BackEnables);
    }

    [Fact]
    public void With_a_low_mark_of_zero_a_waiting_writer_is_back_enabled_when_the_queue_is_empty()
    {
        var (gauge, writer) = FullWithWriterWaiting(new WaterMarks(512, 0));
        gauge.Publish(held: 1);
        Assert.Equal(0, writer.BackEnables);
        gauge.Publish(held: 0);
        Assert.Equal(1, writer.BackEnables);
    }

    /// <summary>
    /// A gauge whose consumer holds a full queue's worth, and a producer that found it full: as
    /// a module actor is after a turn that held everything that came in.
    /// </summary>
    private static (QueueGauge Gauge, RecordingRef Writer) FullWithWriterWaiting(WaterMarks marks)
    {
        var gauge = new QueueGauge(marks);
        var message = Data(marks.High);
        gauge.Sent(message);
        gauge.Arrived(message);
        gauge.Publish(held: marks.High);
        var writer = new RecordingRef();
        Assert.False(gauge.CanPutOrWait(writer));
        return (gauge, writer);
    }

    private static DataMessage Data(int size) => new(new byte[size]);

    /// <summary>An actor ref that counts the BackEnabled told to it, on the caller's thread.</summary>
    private sealed class RecordingRef : MinimalActorRef
    {
        private int _backEnables;

        public int BackEnables => Volatile.Read(ref _backEnables);

        public override ActorPath Path { get; } = new RootActorPath(Address.AllSystems) / "writer";

        public override IActorRefProvider Provider => throw new NotSupportedException("a recording ref has no provider");

        protected override void TellInternal(object message, IActorRef sender)
        {
            if (message is BackEnabled) Interlocked.Increment(ref _backEnables);
        }
    }
}
