namespace Ptm.Actors.Cli.Bench.Pty;

/// <summary>One simulated pty opened the canonical way (C10) through the POSIX facade, for benchmarks.</summary>
internal readonly record struct SimPair(int Manager, int Subsidiary)
{
    public static async Task<SimPair> OpenAsync(PosixApi posix)
    {
        var manager = (int)Check(await posix.posix_openpt(OpenFlags.NoCtty).ConfigureAwait(false), "posix_openpt");
        Check(await posix.grantpt(manager).ConfigureAwait(false), "grantpt");
        Check(await posix.unlockpt(manager).ConfigureAwait(false), "unlockpt");
        var name = await posix.ptsname(manager).ConfigureAwait(false);
        Check(name, "ptsname");
        var subsidiary = (int)Check(await posix.Open(name.Text!, OpenFlags.NoCtty).ConfigureAwait(false), "open " + name.Text);
        return new SimPair(manager, subsidiary);
    }

    public async Task CloseAsync(PosixApi posix)
    {
        await posix.Close(Manager).ConfigureAwait(false);
        await posix.Close(Subsidiary).ConfigureAwait(false);
    }

    public static long Check(Ptm.Actors.Pty.SysResult result, string what) =>
        result.IsOk ? result.Value : throw new InvalidOperationException($"{what} failed with {result.Errno} during a benchmark");
}
