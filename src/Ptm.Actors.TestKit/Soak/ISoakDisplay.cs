namespace Ptm.Actors.TestKit.Soak;

/// <summary>Shows a running soak until it ends: live on a terminal, a plain line every few seconds otherwise.</summary>
internal interface ISoakDisplay
{
    Task ShowAsync(Func<SoakProgress> read, Task run);
}
