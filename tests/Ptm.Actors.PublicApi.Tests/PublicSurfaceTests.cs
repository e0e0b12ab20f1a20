using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Ptm.Actors.PublicApi.Tests;

/// <summary>
/// The public types of Ptm.Actors, listed for a reviewer: the test output always has the list, and
/// a failure (the approved API declares another number of types) shows it in its message.
/// </summary>
public partial class PublicSurfaceTests(ITestOutputHelper output)
{
    [Fact]
    public void Ptm_Actors_has_the_public_types_its_approved_api_declares()
    {
        var types = ApprovedApi.Load("Ptm.Actors").GetExportedTypes()
            .Select(t => t.FullName!.Replace('+', '.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var listing = $"{types.Count} public types in Ptm.Actors:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", types);
        output.WriteLine(listing);
        var approvedPath = ApprovedApi.ApprovedPath("Ptm.Actors");
        var declared = File.Exists(approvedPath) ? TypeDeclaration().Matches(File.ReadAllText(approvedPath)).Count : 0;
        Assert.True(types.Count == declared, $"{approvedPath} declares {declared} types. {listing}");
    }

    // A type's line in PublicApiGenerator's output: modifiers, then the kind ("public sealed class PtySystem : ...").
    [GeneratedRegex(@"^\s*public (?:(?:abstract|sealed|static|readonly|ref|partial)\s+)*(?:class|struct|interface|enum|delegate|record(?:\s+struct)?)\s", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
