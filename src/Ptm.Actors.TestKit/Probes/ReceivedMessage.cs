using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>One message a probe received and who sent it (the dead-letter ref when nobody did).</summary>
public sealed record ReceivedMessage(object Message, IActorRef Sender)
{
    public override string ToString() => $"{Describe(Message)} from {Sender}";

    internal static string Describe(object message) => $"{message.GetType().Name} {Quote(message)}";

    private static string Quote(object message) => message is string s ? "\"" + s + "\"" : message.ToString() ?? "";
}
