namespace Ptm.Actors;

/// <summary>
/// The result of one call as the C library would return it: a value, or -1 and an errno.
/// <see cref="PosixApi"/> returns these; the handle API turns them into values and exceptions.
/// </summary>
/// <param name="Value">The call's return value: a count, a descriptor, poll bits; -1 on failure.</param>
/// <param name="Errno">Why the call failed, or <see cref="Errno.None"/>.</param>
/// <param name="Text">The text a call returns: ptsname's name, stat's attributes, I_LIST's names.</param>
public readonly record struct SysResult(long Value, Errno Errno, string? Text = null)
{
    /// <summary>True when the call succeeded.</summary>
    public bool IsOk => Errno == Errno.None;

    /// <summary>A success with <paramref name="value"/>.</summary>
    public static SysResult Ok(long value = 0) => new(value, Errno.None);

    /// <summary>A success that returns <paramref name="text"/>.</summary>
    public static SysResult OkText(string text) => new(0, Errno.None, text);

    /// <summary>A failure with <paramref name="errno"/>.</summary>
    public static SysResult Fail(Errno errno) => new(-1, errno);

    /// <summary>The value, or a <see cref="PtyException"/> carrying the errno, as a C caller checking for -1 would raise it.</summary>
    /// <param name="operation">The call's name for the exception's message ("read", "grantpt").</param>
    public long ValueOrThrow(string operation) => IsOk ? Value : throw new PtyException(Errno, operation);

    /// <summary>
    /// The value of a call made with <paramref name="cancellationToken"/>: a call cancelled through
    /// it throws <see cref="OperationCanceledException"/> (its EINTR is the cancellation), any
    /// other failure <see cref="PtyException"/>.
    /// </summary>
    internal long ValueOrThrow(string operation, CancellationToken cancellationToken)
    {
        if (Errno == Errno.EINTR && cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
        return ValueOrThrow(operation);
    }
}
