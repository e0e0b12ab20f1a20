namespace Ptm.Actors.PublicApi.Tests.SampleHost;

/// <summary>
/// The sample host app's "program": what a shell would be on a real terminal. It reads lines on
/// its subsidiary through <see cref="PtyHandle.AsStream"/> with a StreamReader, answers each in
/// upper case with a StreamWriter, and exits 0 on "exit" or 1 at end of file (a typed ^D).
/// </summary>
public static class LineEchoProgram
{
    /// <summary>The program, in the shape <see cref="PtySystem.SpawnAsync"/> runs.</summary>
    public static async Task<int> RunAsync(SubsidiaryHandle terminal, CancellationToken hangUp)
    {
        await using var stream = terminal.AsStream();
        using var input = new StreamReader(stream);
        await using var output = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
        while (await input.ReadLineAsync(hangUp) is { } line)
        {
            if (line == "exit") return 0;
            await output.WriteLineAsync(line.ToUpperInvariant().AsMemory(), hangUp);
        }
        return 1;
    }
}
