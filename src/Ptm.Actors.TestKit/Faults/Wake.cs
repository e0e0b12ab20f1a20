using Akka.Actor;
using Akka.Event;

namespace Ptm.Actors.TestKit.Faults;

/// <summary>
/// Told to a faultable actor to end a hold (<see cref="Token"/>) or just to get its mailbox
/// scheduled again. Akka.NET schedules a mailbox when a message is enqueued, so the queue
/// consumes this at enqueue time and the actor never sees it. Once the actor has stopped it
/// is a suppressed dead letter: nobody lost anything.
/// </summary>
internal sealed class Wake(object? token) : IDeadLetterSuppression, INotInfluenceReceiveTimeout
{
    public object? Token { get; } = token;

    public override string ToString() => "Wake";
}
