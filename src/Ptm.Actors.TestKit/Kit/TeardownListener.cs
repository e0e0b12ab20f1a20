using Akka.Event;
using Akka.TestKit;

namespace Ptm.Actors.TestKit.Kit;

/// <summary>
/// The kit's logger: Akka.NET's TestEventListener (so EventFilter works as usual), recording
/// into <see cref="TeardownRecord"/> every error and dead letter it prints, that is every one no
/// EventFilter expected.
/// </summary>
internal sealed class TeardownListener : TestEventListener
{
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InitializeLogger initialize:
                initialize.LoggingBus.Subscribe(Self, typeof(TeardownFlush));
                return base.Receive(message);
            case TeardownFlush flush:
                flush.Done.TrySetResult();
                return true;
            default:
                return base.Receive(message);
        }
    }

    protected override void Print(LogEvent logEvent)
    {
        var record = TeardownRecord.Get(Context.System);
        if (logEvent is Error error) record.Add(error);
        else if (logEvent is Warning { Message: DeadLetter letter }) record.Add(letter);
        base.Print(logEvent);
    }
}
