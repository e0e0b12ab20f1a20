using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs;

/// <summary>Each expectation form against results, and results rendered as a spec writes them.</summary>
public class ExpectationTests
{
    private static CallResult Ok(long value = 0) => new(value, 0);
    private static CallResult Failed(int errno) => new(-1, errno);
    private static CallResult Data(string text) => new(text.Length, 0, System.Text.Encoding.ASCII.GetBytes(text));
    private static CallResult Name(string text) => new(0, 0, Text: text);
    private static CallResult Message(byte[]? control, string? data) =>
        new(0, 0, Message: new MessageParts(control, data is null ? null : System.Text.Encoding.ASCII.GetBytes(data)));
    private static ExpectMessage Expect(byte[]? control, string? data) =>
        new(control is null ? null : [.. control], data is null ? null : [.. System.Text.Encoding.ASCII.GetBytes(data)]);

    // The cases' types are the TestKit's internals, so the theory gets an index into them and a
    // readable name of the case for the test's display name.
    private static readonly (Expectation Expectation, CallResult Result, ResultKind Kind, bool Matches)[] s_cases =
    [
        (new ExpectOk(), Ok(3), ResultKind.Ok, true),
        (new ExpectOk(), Failed(ErrnoTable.EIO), ResultKind.Ok, false),
        (new ExpectAny(), Failed(ErrnoTable.EIO), ResultKind.Number, true),
        (new ExpectAny(), Ok(7), ResultKind.Number, true),
        (new ExpectNumber(6), Ok(6), ResultKind.Number, true),
        (new ExpectNumber(6), Ok(5), ResultKind.Number, false),
        (new ExpectNumber(6), Failed(6), ResultKind.Number, false),
        (new ExpectNumber(0), Ok(0), ResultKind.Poll, true),
        (new ExpectNumber(0), Data(""), ResultKind.Bytes, true),
        (new ExpectEof(), Data(""), ResultKind.Bytes, true),
        (new ExpectEof(), Data("x"), ResultKind.Bytes, false),
        (new ExpectEof(), Failed(ErrnoTable.EAGAIN), ResultKind.Bytes, false),
        (new ExpectBytes([.. "hi"u8.ToArray()]), Data("hi"), ResultKind.Bytes, true),
        (new ExpectBytes([.. "hi"u8.ToArray()]), Data("hi!"), ResultKind.Bytes, false),
        (new ExpectBytes([.. "/dev/pts/1"u8.ToArray()]), Name("/dev/pts/1"), ResultKind.Text, true),
        (new ExpectBytes([.. "/dev/pts/1"u8.ToArray()]), Name("/dev/pts/2"), ResultKind.Text, false),
        (new ExpectErrno(ErrnoTable.EIO), Failed(ErrnoTable.EIO), ResultKind.Number, true),
        (new ExpectErrno(ErrnoTable.EIO), Failed(ErrnoTable.ENXIO), ResultKind.Number, false),
        (new ExpectErrno(ErrnoTable.EIO), Ok(0), ResultKind.Number, false),
        (new ExpectPoll(PollBits.In | PollBits.Hup), Ok(PollBits.Hup | PollBits.In), ResultKind.Poll, true),
        (new ExpectPoll(PollBits.In | PollBits.Hup), Ok(PollBits.Hup), ResultKind.Poll, false),
        (new ExpectPoll(PollBits.Err), Ok(PollBits.Err | PollBits.Out), ResultKind.Poll, false),
        (Expect([0], "hi"), Message([0], "hi"), ResultKind.Message, true),
        (Expect([0], "hi"), Message([1], "hi"), ResultKind.Message, false),
        (Expect([0], "hi"), Message([0], "ho"), ResultKind.Message, false),
        (Expect([0], "hi"), Message(null, "hi"), ResultKind.Message, false),
        (Expect(null, "hi"), Message(null, "hi"), ResultKind.Message, true),
        (Expect(null, "hi"), Message([], "hi"), ResultKind.Message, false),
        (Expect([], null), Message([], null), ResultKind.Message, true),
        (Expect([], null), Message([], ""), ResultKind.Message, false),
        (Expect(null, null), Message(null, null), ResultKind.Message, true),
        (Expect(null, null), Failed(ErrnoTable.EAGAIN), ResultKind.Message, false),
        (Expect(null, "hi"), Data("hi"), ResultKind.Bytes, false),
        (new ExpectErrno(ErrnoTable.EAGAIN), Failed(ErrnoTable.EAGAIN), ResultKind.Message, true),
        (new ExpectOk(), Message(null, "hi"), ResultKind.Message, true),
        (new ExpectAny(), Failed(ErrnoTable.EBADF), ResultKind.Message, true),
        (new ExpectBytes([.. "hi"u8.ToArray()]), Message(null, "hi"), ResultKind.Message, false),
    ];

    public static TheoryData<int, string> Cases
    {
        get
        {
            var data = new TheoryData<int, string>();
            for (var i = 0; i < s_cases.Length; i++)
            {
                var (expectation, result, kind, matches) = s_cases[i];
                data.Add(i, $"{expectation} {(matches ? "matches" : "misses")} {ExpectationMatcher.Describe(result, kind)} as {kind}");
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_expectation_form_matches_exactly_its_results(int index, string description)
    {
        var (expectation, result, kind, matches) = s_cases[index];
        Assert.True(matches == ExpectationMatcher.Matches(expectation, result, kind), description);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(PollBits.Out | PollBits.In, "POLLIN|POLLOUT")]
    [InlineData(PollBits.Hup | PollBits.Err | PollBits.Out | PollBits.In, "POLLIN|POLLOUT|POLLERR|POLLHUP")]
    [InlineData(PollBits.Hup | 0x20, "POLLHUP|0x20")]
    public void Poll_sets_render_in_one_fixed_order(int bits, string rendered) =>
        Assert.Equal(rendered, ExpectationMatcher.Describe(Ok(bits), ResultKind.Poll));

    [Fact]
    public void Results_render_as_a_spec_writes_them()
    {
        Assert.Equal("\"a\\n\\r\\t\\0\\\\\\\"\\x7f\\xc3\"", ExpectationMatcher.Describe(new CallResult(9, 0, new byte[] { (byte)'a', 10, 13, 9, 0, (byte)'\\', (byte)'"', 0x7f, 0xc3 }), ResultKind.Bytes));
        Assert.Equal("EOF", ExpectationMatcher.Describe(Data(""), ResultKind.Bytes));
        Assert.Equal("EAGAIN", ExpectationMatcher.Describe(Failed(ErrnoTable.EAGAIN), ResultKind.Bytes));
        Assert.Equal("errno 99", ExpectationMatcher.Describe(Failed(99), ResultKind.Ok));
        Assert.Equal("ok", ExpectationMatcher.Describe(Ok(3), ResultKind.Ok));
        Assert.Equal("2048", ExpectationMatcher.Describe(Ok(2048), ResultKind.Number));
        Assert.Equal("\"uid=0 gid=3 mode=0620\"", ExpectationMatcher.Describe(Name("uid=0 gid=3 mode=0620"), ResultKind.Text));
    }

    [Fact]
    public void Getmsg_results_render_as_a_spec_writes_them_with_a_dash_for_an_absent_part()
    {
        Assert.Equal("ctl \"\\0\" data \"hi\"", ExpectationMatcher.Describe(Message([0], "hi"), ResultKind.Message));
        Assert.Equal("ctl - data \"\"", ExpectationMatcher.Describe(Message(null, ""), ResultKind.Message));
        Assert.Equal("ctl \"\\xff\" data -", ExpectationMatcher.Describe(Message([0xff], null), ResultKind.Message));
        Assert.Equal("EAGAIN", ExpectationMatcher.Describe(Failed(ErrnoTable.EAGAIN), ResultKind.Message));
    }

    [Fact]
    public void A_getmsg_mismatch_shows_both_messages()
    {
        var expected = new ExpectationSet([Expect([0], null)]);
        Assert.Equal("expected ctl \"\\0\" data -, got ctl - data \"x\"", ExpectationMatcher.Check(expected, Message(null, "x"), ResultKind.Message));
        Assert.Equal("expected ctl \"\\0\" data -, got EBADF", ExpectationMatcher.Check(expected, Failed(ErrnoTable.EBADF), ResultKind.Message));
    }

    [Fact]
    public void Long_strings_are_shortened_and_the_first_difference_is_named()
    {
        var expected = new ExpectationSet([new ExpectBytes([.. System.Text.Encoding.ASCII.GetBytes(new string('a', 1000))])]);
        var message = ExpectationMatcher.Check(expected, Data(new string('a', 600) + new string('b', 400)), ResultKind.Bytes);
        Assert.Equal($"expected \"{new string('a', 80)}...\" (1000 bytes), got \"{new string('a', 80)}...\" (1000 bytes) (first difference at byte 600)", message);
    }

    [Fact]
    public void No_expectation_means_the_call_must_succeed()
    {
        Assert.Null(ExpectationMatcher.Check(null, Ok(5), ResultKind.Number));
        Assert.Equal("expected ok, got EINVAL", ExpectationMatcher.Check(null, Failed(ErrnoTable.EINVAL), ResultKind.Number));
    }
}
