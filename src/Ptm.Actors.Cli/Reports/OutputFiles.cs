namespace Ptm.Actors.Cli.Reports;

/// <summary>Checks and writes the files the reports go to, with one-line reasons when they cannot be.</summary>
internal static class OutputFiles
{
    /// <summary>
    /// Null if <paramref name="path"/> can be written now, else why not. An existing file is
    /// opened for writing and left as it is; a new one is created and deleted again.
    /// </summary>
    public static string? WriteProblem(string path)
    {
        var full = string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
        if (full is null || Directory.Exists(full)) return $"'{path}' is a folder, not a file name";
        if (Path.GetDirectoryName(full) is not { } folder || !Directory.Exists(folder)) return $"the folder of '{path}' does not exist";
        try
        {
            using var probe = File.Exists(full)
                ? new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)
                : new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write '{path}': {OneLine(e.Message)}";
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>; null, or the one-line reason it could not be written.</summary>
    public static string? Write(string path, string text, string what)
    {
        try
        {
            File.WriteAllText(path, text);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"could not write {what} to '{path}': {OneLine(e.Message)}";
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
