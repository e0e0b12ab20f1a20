using System.Text;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>Checks a call's result against `=> ...` and renders both sides alike for messages.</summary>
internal static class ExpectationMatcher
{
    private static readonly ExpectationSet MustSucceed = new([new ExpectOk()]);

    /// <summary>Null when <paramref name="result"/> matches any alternative (a missing
    /// expectation means "must succeed"); else "expected X, got Y".</summary>
    public static string? Check(ExpectationSet? expect, CallResult result, ResultKind kind)
    {
        var set = expect ?? MustSucceed;
        foreach (var alternative in set.Alternatives)
            if (Matches(alternative, result, kind)) return null;
        var message = $"expected {set}, got {Describe(result, kind)}";
        if (set.Alternatives is [ExpectBytes wanted] && result.Errno == 0 && Payload(result, kind) is { } actual
            && (wanted.Bytes.Length > CString.RenderLimit || actual.Length > CString.RenderLimit))
            message += $" (first difference at byte {FirstDifference(wanted.Bytes.AsSpan(), actual)})";
        return message;
    }

    public static bool Matches(Expectation expectation, CallResult result, ResultKind kind) => expectation switch
    {
        ExpectAny => true,
        ExpectOk => result.Errno == 0,
        ExpectErrno errno => result.Errno == errno.Number,
        ExpectEof => result.Errno == 0 && Count(result) == 0,
        ExpectNumber number => result.Errno == 0 && (kind == ResultKind.Bytes ? Count(result) : result.Value) == number.Value,
        ExpectPoll poll => result.Errno == 0 && result.Value == poll.Bits,
        ExpectBytes bytes => result.Errno == 0 && Payload(result, kind) is { } payload && bytes.Bytes.AsSpan().SequenceEqual(payload),
        ExpectMessage message => result.Errno == 0 && result.Message is { } parts && message.Matches(parts),
        _ => false,
    };

    /// <summary>The result as a spec would write it: an errno name, `ok`, a number, a string, `EOF`, a poll set, a `ctl ... data ...` pair.</summary>
    public static string Describe(CallResult result, ResultKind kind)
    {
        if (result.Errno != 0) return ErrnoTable.NameOf(result.Errno);
        return kind switch
        {
            ResultKind.Ok => "ok",
            ResultKind.Number => result.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ResultKind.Poll => PollSet.Render(result.Value),
            ResultKind.Bytes => Count(result) == 0 ? "EOF" : CString.Render(Payload(result, kind)),
            ResultKind.Names => string.IsNullOrEmpty(result.Text) ? "0" : CString.Render(Encoding.UTF8.GetBytes(result.Text)),
            ResultKind.Message => result.Message is { } parts
                ? MessageSyntax.Render(parts.Control, parts.Control is not null, parts.Data, parts.Data is not null)
                : "no message",
            _ => result.Text is null && result.Bytes is null ? "no text" : CString.Render(Payload(result, kind)),
        };
    }

    private static long Count(CallResult result) => result.Bytes?.Length ?? result.Value;

    private static byte[]? Payload(CallResult result, ResultKind kind) =>
        result.Bytes ?? (result.Text is { } text ? Encoding.UTF8.GetBytes(text) : kind == ResultKind.Bytes ? [] : null);

    private static int FirstDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var common = a.CommonPrefixLength(b);
        return common;
    }
}
