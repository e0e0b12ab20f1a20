namespace Ptm.Actors.TestKit.Soak;

/// <summary>Shows a running soak until it ends: live on a terminal, a plain line every few seconds otherwise.</summary>
internal interface ISoakDisplay
{
    Task ShowAsync(Func<SoakProgress> read, Task run);

    /// <summary>Shows nothing and waits for the run: a host's run (SoakRun), and tests.</summary>
    static readonly ISoakDisplay None = new NoDisplay();

    private sealed class NoDisplay : ISoakDisplay
    {
        public Task ShowAsync(Func<SoakProgress> read, Task run) => run;
    }
}
