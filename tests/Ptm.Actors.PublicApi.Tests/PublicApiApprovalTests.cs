namespace Ptm.Actors.PublicApi.Tests;

/// <summary>
/// The public API of each shipped library is the approved one. A change to the surface shows here
/// as a diff a reviewer reads; accepting it is copying the received file over the approved one.
/// </summary>
public class PublicApiApprovalTests
{
    public static TheoryData<string> Libraries => new() { "Ptm.Actors", "Ptm.Actors.Cluster", "Ptm.Actors.Hosting", "Ptm.Actors.TestKit" };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void The_public_api_is_the_approved_one(string library)
    {
        var received = ApprovedApi.Generate(library);
        var approvedPath = ApprovedApi.ApprovedPath(library);
        var receivedPath = ApprovedApi.ReceivedPath(library);
        var approved = File.Exists(approvedPath) ? ApprovedApi.Normalize(File.ReadAllText(approvedPath)) : "";
        if (received == approved)
        {
            File.Delete(receivedPath); // a stale one from an earlier mismatch would mislead
            return;
        }
        File.WriteAllText(receivedPath, received);
        Assert.Fail(
            $"The public API of {library} is not the approved one. If the change is meant, accept it:{Environment.NewLine}" +
            $"  cp {receivedPath} {approvedPath}{Environment.NewLine}" +
            Difference(approved, received));
    }

    /// <summary>The lines only one side has, at most 40 of each: enough to see what changed without a diff tool.</summary>
    private static string Difference(string approved, string received)
    {
        var approvedLines = approved.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 1).ToHashSet();
        var receivedLines = received.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 1).ToHashSet();
        var gone = approvedLines.Except(receivedLines).Take(40).Select(l => "  - " + l);
        var added = receivedLines.Except(approvedLines).Take(40).Select(l => "  + " + l);
        return string.Join(Environment.NewLine, gone.Concat(added));
    }
}
