namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>How a step's success value reads (docs/spec-language.md, the steps table).</summary>
internal enum ResultKind
{
    /// <summary>`ok` (open, close, flush, grantpt, unlockpt, crash, tune, putmsg).</summary>
    Ok,
    /// <summary>A number (write's count, ioctl's 0, isatty's 1/0).</summary>
    Number,
    /// <summary>The bytes read, `EOF` for none (read, readn).</summary>
    Bytes,
    /// <summary>A string (ptsname, ptsname_r, stat).</summary>
    Text,
    /// <summary>A readiness set (poll).</summary>
    Poll,
    /// <summary>The pair `ctl STRING data STRING`, `-` for an absent part (getmsg).</summary>
    Message,
    /// <summary>Names as a string, or `0` for none (signals).</summary>
    Names,
}

/// <summary>The result kind of each step.</summary>
internal static class ResultKinds
{
    public static ResultKind Of(CallStep step) => step switch
    {
        ReadStep or ReadAllStep => ResultKind.Bytes,
        WriteStep or IoctlStep or IsattyStep => ResultKind.Number,
        PtsnameStep or PtsnameRStep or StatStep => ResultKind.Text,
        PollStep => ResultKind.Poll,
        GetmsgStep => ResultKind.Message,
        TcgetattrStep => ResultKind.Number,
        PayloadIoctlStep { Reply: IoctlReply.Value } => ResultKind.Number,
        PayloadIoctlStep => ResultKind.Text,
        WinsizeStep { Set: null } => ResultKind.Text,
        SignalsStep => ResultKind.Names,
        _ => ResultKind.Ok,
    };
}
