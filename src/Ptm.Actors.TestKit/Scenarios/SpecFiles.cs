namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>Finding and reading spec files, with a clear message for every kind of bad input.</summary>
public static class SpecFiles
{
    /// <summary>".pty": what a spec file's name ends with.</summary>
    public const string Extension = ".pty";

    /// <summary>The spec files named by <paramref name="paths"/>: files as given, folders as every
    /// `*.pty` below them (ordinal order). Problems (missing path, folder without specs) are
    /// returned as messages; a file is listed once even when named twice.</summary>
    public static (List<string> Files, List<string> Problems) Expand(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (paths.Count == 0)
            problems.Add("no spec given: name at least one .pty file or a folder of them");
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path))) files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = new List<string>();
                foreach (var file in Directory.EnumerateFiles(path, "*" + Extension, SearchOption.AllDirectories))
                    if (file.EndsWith(Extension, StringComparison.Ordinal)) found.Add(file);
                if (found.Count == 0) problems.Add($"{path}: no {Extension} files in this folder");
                found.Sort(StringComparer.Ordinal);
                foreach (var file in found)
                    if (seen.Add(Path.GetFullPath(file))) files.Add(file);
            }
            else
            {
                problems.Add($"{path}: no such file or folder");
            }
        }
        return (files, problems);
    }

    /// <summary>The text of a spec file, or why it cannot be one: unreadable, empty, not UTF-8
    /// text (invalid sequences or a NUL byte). A leading byte-order mark is allowed.</summary>
    public static (string? Text, string? Problem) Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: cannot read: {error.Message}");
        }
        return Decode(path, bytes);
    }

    /// <summary>As <see cref="Read"/>, for bytes already in hand.</summary>
    public static (string? Text, string? Problem) Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (bytes.Length == 0) return (null, $"{path}: empty file (a spec needs at least one step)");
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0) return (null, $"{path}: not a text file (NUL byte at offset {nul})");
        // Strict decoding: an invalid sequence is an error, never a replacement character.
        var chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
            return (null, $"{path}: not valid UTF-8 text (bad byte sequence at offset {bytesRead})");
        return (new string(chars, 0, charsWritten), null);
    }
}
