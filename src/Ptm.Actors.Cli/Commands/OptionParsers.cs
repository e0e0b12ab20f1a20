using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Ptm.Actors.Cli.Reports;
using Ptm.Actors.TestKit.Soak;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// Every value the `ptm` commands take is read here, by System.CommandLine custom parsers, so a
/// bad one is a parse error in the one style the runner prints: `--ptys: must be between 1 and
/// 100,000 (got -5)`. Nothing checks an option again after parsing.
/// </summary>
internal static class OptionParsers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>What a parser makes of one token: a value, or the reason it is not one.</summary>
    private readonly record struct Reading<T>(T Value, string? Problem)
    {
        public static Reading<T> Ok(T value) => new(value, null);
        public static Reading<T> Bad(string problem) => new(default!, problem);

        public Reading<TOther> As<TOther>(Func<T, TOther> convert) => Problem is null ? Reading<TOther>.Ok(convert(Value)) : Reading<TOther>.Bad(Problem);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> WholeNumber(this Option<int> option, int min, int max = int.MaxValue) =>
        option.ReadWith(text => ReadWhole(text, min, max).As(value => (int)value));

    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>; absent stays null.</summary>
    public static Option<int?> WholeNumber(this Option<int?> option, int min, int max = int.MaxValue) =>
        option.ReadWith(text => ReadWhole(text, min, max).As(value => (int?)(int)value));

    /// <summary>An optional whole number from <paramref name="min"/> up; absent stays null.</summary>
    public static Option<long?> WholeNumber(this Option<long?> option, long min) =>
        option.ReadWith(text => ReadWhole(text, min, long.MaxValue).As(value => (long?)value));

    /// <summary>A number from 0 to 1: a probability or a share.</summary>
    public static Option<double> Fraction(this Option<double> option) =>
        option.ReadWith(text =>
            !double.TryParse(text, NumberStyles.Float, Invariant, out var value) ? Reading<double>.Bad($"not a number (got '{text}')")
            : double.IsNaN(value) || value < 0 || value > 1 ? Reading<double>.Bad($"must be between 0 and 1 (got {text})")
            : Reading<double>.Ok(value));

    /// <summary>A duration (DurationText: 500ms, 90s, 5m, 1h; seconds without a unit), above zero and at most <paramref name="max"/>.</summary>
    public static Option<TimeSpan?> Duration(this Option<TimeSpan?> option, TimeSpan max) =>
        option.ReadWith(text => ReadDuration(text, max));

    /// <summary>A duration as <see cref="Duration"/> reads it, or 0 for none (TimeSpan.Zero).</summary>
    public static Option<TimeSpan?> DurationOrNone(this Option<TimeSpan?> option, TimeSpan max) =>
        option.ReadWith(text => text.Trim() == "0" ? Reading<TimeSpan?>.Ok(TimeSpan.Zero) : ReadDuration(text, max));

    private static Reading<TimeSpan?> ReadDuration(string text, TimeSpan max) =>
        !DurationText.TryParse(text, out var duration) ? Reading<TimeSpan?>.Bad($"not a duration (got '{text}'); give seconds, or a number with a unit: 500ms, 90s, 5m, 1h")
        : duration <= TimeSpan.Zero ? Reading<TimeSpan?>.Bad($"must be more than 0 (got '{text}')")
        : duration > max ? Reading<TimeSpan?>.Bad($"must be at most {FormatSpan(max)} (got '{text}')")
        : Reading<TimeSpan?>.Ok(duration);

    /// <summary>A soak's managed-memory budget, BASE+PER_PTY (MemoryBudget).</summary>
    public static Option<MemoryBudget> Budget(this Option<MemoryBudget> option) =>
        option.ReadWith(text => MemoryBudget.TryParse(text, out var budget, out var error)
            ? Reading<MemoryBudget>.Ok(budget)
            : Reading<MemoryBudget>.Bad(error));

    /// <summary>One of <paramref name="choices"/>, exactly as written.</summary>
    public static Option<string> OneOf(this Option<string> option, params string[] choices) =>
        option.ReadWith(text => Array.IndexOf(choices, text) >= 0
            ? Reading<string>.Ok(text)
            : Reading<string>.Bad($"must be {Either(choices)} (got '{text}')"));

    /// <summary>
    /// A file to write, named with one of <paramref name="extensions"/> (".html"), whose folder
    /// exists and which can be written now, so a long run does not end on a path it cannot use.
    /// </summary>
    public static Option<string?> WritableFile(this Option<string?> option, params string[] extensions) =>
        option.ReadWith(text =>
            !extensions.Any(extension => text.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) ? Reading<string?>.Bad($"must name a {Either(extensions)} file (got '{text}')")
            : OutputFiles.WriteProblem(text) is { } problem ? Reading<string?>.Bad(problem)
            : Reading<string?>.Ok(text));

    /// <summary>"a, b or c".</summary>
    public static string Either(IReadOnlyList<string> choices) =>
        choices.Count <= 1 ? string.Join("", choices) : string.Join(", ", choices.Take(choices.Count - 1)) + " or " + choices[^1];

    private static Reading<long> ReadWhole(string text, long min, long max)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, Invariant, out var value))
            return Reading<long>.Bad($"not a whole number (got '{text}')");
        if (value >= min && value <= max) return Reading<long>.Ok(value);
        return Reading<long>.Bad(max == int.MaxValue || max == long.MaxValue
            ? min == 0 ? $"must not be negative (got {value})" : $"must be at least {min.ToString("N0", Invariant)} (got {value})"
            : $"must be between {min.ToString("N0", Invariant)} and {max.ToString("N0", Invariant)} (got {value})");
    }

    private static string FormatSpan(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0} days" : DurationText.Format(span);

    /// <summary>Reads the option's last token with <paramref name="read"/>; a problem becomes the parse error `--name: problem`.</summary>
    private static Option<T> ReadWith<T>(this Option<T> option, Func<string, Reading<T>> read)
    {
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return option.HasDefaultValue ? (T)option.GetDefaultValue()! : default!;
            var text = result.Tokens[^1].Value;
            var (value, problem) = read(text);
            if (problem is null) return value;
            result.AddError($"{option.Name}: {problem}");
            return default!;
        };
        return option;
    }
}
