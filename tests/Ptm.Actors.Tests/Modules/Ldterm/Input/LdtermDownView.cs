using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>What ldterm sends down towards the manager, as the input tests read it.</summary>
internal static class LdtermDownView
{
    /// <summary>A message sent down as the terminal sees it: echo as its text, a flush by its flags.</summary>
    public static string Shown(StreamMessage message) => message switch
    {
        DataMessage data => LdtermHarness.Text(data),
        FlushMessage flush => flush.Flags.ToString(),
        _ => message.ToString(),
    };

    /// <summary>DISCARD is not in force (FLUSHO clear): what the subsidiary writes reaches the manager.</summary>
    public static void AssertOutputIsNotDiscarded(this LdtermHarness ldterm)
    {
        ldterm.Clear();
        ldterm.Write("shown");
        Assert.Equal("shown", ldterm.TakeDownText());
    }
}
