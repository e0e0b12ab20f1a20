using System.Reflection;
using PublicApiGenerator;

namespace Ptm.Actors.PublicApi.Tests;

/// <summary>
/// A library's public API as PublicApiGenerator prints it, and the files it is compared with:
/// <c>&lt;library&gt;.approved.txt</c> beside this project's sources (checked in) and
/// <c>&lt;library&gt;.received.txt</c> (written on a mismatch, ignored by git).
/// </summary>
internal static class ApprovedApi
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        IncludeAssemblyAttributes = false, // versions and InternalsVisibleTo lists are build facts, not API
        // The compiler names state machines by member order (d__46): any new member would rename them.
        ExcludeAttributes =
        [
            "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
            "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
            "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        ],
    };

    public static Assembly Load(string library) => Assembly.Load(new AssemblyName(library));

    /// <summary>The public API of <paramref name="library"/>, with "\n" line ends whatever the platform.</summary>
    public static string Generate(string library) => Normalize(Load(library).GeneratePublicApi(Options));

    public static string ApprovedPath(string library) => Path.Combine(ProjectDirectory(), library + ".approved.txt");

    public static string ReceivedPath(string library) => Path.Combine(ProjectDirectory(), library + ".received.txt");

    public static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    /// <summary>This project's source folder, found from the test binaries up to the solution.</summary>
    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ptm.Actors.sln")))
                return Path.Combine(dir.FullName, "tests", "Ptm.Actors.PublicApi.Tests");
        throw new InvalidOperationException($"no Ptm.Actors.sln above {AppContext.BaseDirectory}: the approved files live in the repository");
    }
}
