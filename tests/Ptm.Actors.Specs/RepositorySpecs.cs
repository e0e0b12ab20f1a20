using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs;

/// <summary>The repository's specs/ folder: found by walking up to Ptm.Actors.sln.</summary>
internal static class RepositorySpecs
{
    public static readonly string? Root = FindRoot();

    public static string? Folder => Root is null ? null : Path.Combine(Root, "specs");

    /// <summary>Every *.pty under specs/, as paths relative to specs/ with '/' separators, ordinal order.</summary>
    public static List<string> Files()
    {
        var files = new List<string>();
        if (Folder is not { } folder || !Directory.Exists(folder)) return files;
        foreach (var file in Directory.EnumerateFiles(folder, "*" + SpecFiles.Extension, SearchOption.AllDirectories))
            if (file.EndsWith(SpecFiles.Extension, StringComparison.Ordinal))
                files.Add(Path.GetRelativePath(folder, file).Replace('\\', '/'));
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>One spec of the folder, parsed, named `specs/RELATIVE` as the spec tests name it.</summary>
    public static SpecScript Script(string relative)
    {
        var (text, problem) = SpecFiles.Read(Path.Combine(Folder ?? "specs", relative));
        Assert.True(problem is null, problem);
        var parsed = SpecParser.Parse("specs/" + relative, text!);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return parsed.Script!;
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ptm.Actors.sln"))) return dir.FullName;
        return null;
    }
}

/// <summary>A theory over the repository's specs that is skipped, with the reason, while there are none.</summary>
public sealed class RepositorySpecTheoryAttribute : TheoryAttribute
{
    public RepositorySpecTheoryAttribute()
    {
        if (RepositorySpecs.Root is null)
            Skip = "the repository root (Ptm.Actors.sln) was not found above the test binaries";
        else if (RepositorySpecs.Files().Count == 0)
            Skip = $"no .pty files under {RepositorySpecs.Folder} yet";
    }
}
