using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>`=> A or B ...`: passes when any one alternative matches.</summary>
internal sealed record ExpectationSet(ImmutableArray<Expectation> Alternatives)
{
    public override string ToString() => string.Join(" or ", Alternatives);
}

/// <summary>One expected result. ToString renders it as a spec would write it.</summary>
internal abstract record Expectation;

/// <summary>`ok`: the call succeeded, whatever its value.</summary>
internal sealed record ExpectOk : Expectation
{
    public override string ToString() => "ok";
}

/// <summary>`any`: the call completed, with any success or failure.</summary>
internal sealed record ExpectAny : Expectation
{
    public override string ToString() => "any";
}

/// <summary>`EOF`: a read returned 0 bytes.</summary>
internal sealed record ExpectEof : Expectation
{
    public override string ToString() => "EOF";
}

/// <summary>`6`: the call succeeded with this value (a count, a flag, an empty poll set as 0).</summary>
internal sealed record ExpectNumber(long Value) : Expectation
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>`"text"`: the call succeeded with exactly these bytes.</summary>
internal sealed record ExpectBytes(ImmutableArray<byte> Bytes) : Expectation
{
    public override string ToString() => CString.Render(Bytes.AsSpan());
}

/// <summary>`EIO`: the call failed with this errno.</summary>
internal sealed record ExpectErrno(int Number) : Expectation
{
    public override string ToString() => ErrnoTable.NameOf(Number);
}

/// <summary>`POLLIN|POLLHUP`: exactly this readiness set (<see cref="PollBits"/>).</summary>
internal sealed record ExpectPoll(int Bits) : Expectation
{
    public override string ToString() => PollSet.Render(Bits);
}

/// <summary>`ctl "\x00" data "hi"`: getmsg succeeded with exactly these parts; a null part is `-` (absent).</summary>
internal sealed record ExpectMessage(ImmutableArray<byte>? Control, ImmutableArray<byte>? Data) : Expectation
{
    public override string ToString() =>
        MessageSyntax.Render(Control.GetValueOrDefault().AsSpan(), Control.HasValue, Data.GetValueOrDefault().AsSpan(), Data.HasValue);

    /// <summary>Equal parts: both absent, or both present with the same bytes.</summary>
    public bool Matches(MessageParts parts) => Same(Control, parts.Control) && Same(Data, parts.Data);

    private static bool Same(ImmutableArray<byte>? expected, byte[]? actual) =>
        expected is { } bytes ? actual is not null && bytes.AsSpan().SequenceEqual(actual) : actual is null;
}
