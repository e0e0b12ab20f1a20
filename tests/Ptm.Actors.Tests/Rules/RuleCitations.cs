using System.Text.RegularExpressions;

namespace Ptm.Actors.Tests.Rules;

/// <summary>One mention of a rule ID: the ID as written (a step as ID.n, or ID_n in a test name), the file relative to the repository root, the 1-based line.</summary>
internal sealed record Citation(string Written, string File, int Line)
{
    /// <summary>The ID with a step written as in a test name (ID_n) in its dotted form (ID.n).</summary>
    public string Id => Written.Replace('_', '.');

    public string Where => $"{File}:{Line}";

    public bool InSpec => File.EndsWith(".pty", StringComparison.Ordinal);

    public bool InTest => File.StartsWith("tests/", StringComparison.Ordinal) && File.EndsWith(".cs", StringComparison.Ordinal);
}

/// <summary>
/// Every rule ID cited in the repository's src/, tests/ and specs/ (*.cs, *.pty, *.md; not bin/obj,
/// not the index itself), found the way specs/rules-index.sh finds them: an ID is a rule prefix
/// and a number, optionally a step (".n", or "_n" in a test name), not glued to a letter, digit or
/// dot before it nor to a letter or digit after it. "_" separates, so test names cite.
/// </summary>
internal static partial class RuleCitations
{
    public static readonly string[] Folders = ["src", "tests", "specs"];
    public static readonly string[] Extensions = [".cs", ".pty", ".md"];

    [GeneratedRegex(@"(?<![A-Za-z0-9.])(?:PD|[LDHICSRNM])\d+(?:[._]\d+)?(?![A-Za-z0-9])")]
    private static partial Regex Id();

    /// <summary>
    /// A range of IDs: two IDs (the second may lack its prefix) joined by "-", an en dash, "..",
    /// " to " or "_to_" (in a test name). A range hides the IDs in between from grep.
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9.])(?:PD|[LDHICSRNM])\d+(?:[._]\d+)?(?:\s*(?:-|–|\.\.)\s*|_to_|\s+to\s+(?=(?:PD|[LDHICSRNM])\d))(?:PD|[LDHICSRNM])?\d+(?:[._]\d+)?(?![A-Za-z0-9])")]
    private static partial Regex Range();

    /// <summary>.NET numeric format strings ("N0", {count:N0}) look like N-rules but are not citations.</summary>
    [GeneratedRegex(@"""N\d""|:N\d\}")]
    private static partial Regex NumericFormat();

    public static List<Citation> All(string root) => Scan(root, Id());

    public static List<Citation> Ranges(string root) => Scan(root, Range());

    /// <summary>Source, test and spec files, as paths relative to <paramref name="root"/> with '/' separators, ordinal order.</summary>
    public static List<string> Files(string root)
    {
        var files = new List<string>();
        foreach (var folder in Folders)
        {
            var path = Path.Combine(root, folder);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (!Extensions.Any(e => relative.EndsWith(e, StringComparison.Ordinal))) continue;
                if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
                if (relative == RuleIndex.IndexFile) continue;
                files.Add(relative);
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static List<Citation> Scan(string root, Regex pattern)
    {
        var found = new List<Citation>();
        foreach (var file in Files(root))
        {
            var number = 0;
            foreach (var line in File.ReadLines(Path.Combine(root, file)))
            {
                number++;
                foreach (Match match in pattern.Matches(NumericFormat().Replace(line, "")))
                    found.Add(new Citation(match.Value, file, number));
            }
        }
        return found;
    }
}
