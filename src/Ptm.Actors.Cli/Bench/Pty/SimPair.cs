namespace Ptm.Actors.Cli.Bench.Pty;

/// <summary>One simulated pty opened the canonical way (C10) through the POSIX facade, for benchmarks.</summary>
internal readonly record struct SimPair(int Manager, int Subsidiary)
{
    public static async Task<SimPair> OpenAsync(PosixApi posix)
    {
        var manager = (int)(await posix.OpenManagerAsync(OpenFlags.NoCtty).ConfigureAwait(false)).ValueOrThrow("posix_openpt");
        (await posix.GrantAsync(manager).ConfigureAwait(false)).ValueOrThrow("grantpt");
        (await posix.UnlockAsync(manager).ConfigureAwait(false)).ValueOrThrow("unlockpt");
        var name = await posix.GetSubsidiaryNameAsync(manager).ConfigureAwait(false);
        name.ValueOrThrow("ptsname");
        var subsidiary = (int)(await posix.OpenAsync(name.Text!, OpenFlags.NoCtty).ConfigureAwait(false)).ValueOrThrow("open " + name.Text);
        return new SimPair(manager, subsidiary);
    }

    public async Task CloseAsync(PosixApi posix)
    {
        await posix.CloseAsync(Manager).ConfigureAwait(false);
        await posix.CloseAsync(Subsidiary).ConfigureAwait(false);
    }
}
