using System.Text;

namespace Ptm.Actors.Cli.Examples;

/// <summary>
/// The README's host-app example, kept as code so it cannot drift: open a pair, write a line
/// on the manager, read it on the subsidiary, close the manager and watch the hang-up.
/// `ptm demo` runs it; a test checks its transcript.
/// </summary>
internal static class HelloPty
{
    public static async Task RunAsync(TextWriter output)
    {
        await using var ptys = PtySystem.Create();
        var manager = await ptys.OpenManagerAsync();            // posix_openpt: /dev/ptmx, a new pty (L1)
        var subsidiary = await manager.OpenSubsidiaryAsync();   // grantpt, unlockpt, open ptsname (C10)
        output.WriteLine($"opened {await manager.GetSubsidiaryNameAsync()}");

        await manager.WriteAsync("hello\n"u8.ToArray());
        var buffer = new byte[64];
        var count = await subsidiary.ReadAsync(buffer);
        output.WriteLine($"subsidiary read {count} bytes: {Encoding.ASCII.GetString(buffer, 0, count).TrimEnd()}");

        await manager.DisposeAsync();                           // close the manager: M_HANGUP to the subsidiary (L14)
        output.WriteLine($"subsidiary poll: {await subsidiary.PollAsync()}");
        try
        {
            await subsidiary.WriteAsync("x"u8.ToArray());
        }
        catch (PtyException e)
        {
            output.WriteLine($"subsidiary write: {e.Errno}");  // EIO after a hang-up (L15)
        }
        output.WriteLine($"subsidiary read: {await subsidiary.ReadAsync(buffer)} (end of file)");
        await subsidiary.DisposeAsync();                        // last close: the minor is freed (L16)
        output.WriteLine($"allocated ptys: {ptys.AllocatedMinors}");
    }
}
