namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>
/// Every wait of the kernel suite on its actors is bounded: a lost message, or a mailbox that is
/// never run again, fails that benchmark with a TimeoutException (the report names it and
/// `ptm bench` exits 1) instead of hanging the whole command. A window lasts a second at most,
/// so half a minute past it is never a slow machine.
/// </summary>
internal static class Patience
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>The actors' answer, or a TimeoutException saying what never came.</summary>
    public static Task<T> Await<T>(Task<T> answer, string what) => Await(answer, what, Limit);

    public static async Task<T> Await<T>(Task<T> answer, string what, TimeSpan limit)
    {
        try
        {
            return await answer.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw Expired(what, limit);
        }
    }

    /// <summary>Polls <paramref name="condition"/> (set-up outside any window) until it holds, or throws a TimeoutException.</summary>
    public static async Task Until(Func<bool> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw Expired(what(), Limit);
            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    private static TimeoutException Expired(string what, TimeSpan limit) =>
        new($"{what} within {limit.TotalSeconds:0.###} s: a message was lost or a mailbox was never run again");
}
