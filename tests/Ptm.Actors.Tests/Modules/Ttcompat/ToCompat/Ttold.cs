namespace Ptm.Actors.Tests.Modules.TtcompatToCompat;

/// <summary>
/// The mode word and t_xflags bits of illumos sys/ttold.h, written out here so that what the
/// to_compat tests expect comes from the header and not from CompatState's own copy of it.
/// </summary>
internal static class Ttold
{
    public const int Tandem = 0x1, Cbreak = 0x2, Lcase = 0x4, Echo = 0x8, Crmod = 0x10, Raw = 0x20, OddP = 0x40, EvenP = 0x80;
    public const int Tab1 = 0x400, Tab2 = 0x800, Xtabs = 0xc00;
    public const int CrtBs = 0x10000, PrtEra = 0x20000, CrtEra = 0x40000, LitOut = 0x200000, ToStop = 0x400000;
    public const int FlushO = 0x800000, NoHang = 0x1000000, CrtKil = 0x4000000, Pass8 = 0x8000000;
    public const int CtlEch = 0x10000000, PendIn = 0x20000000, DecCtq = 0x40000000, NoFlsh = unchecked((int)0x80000000);

    // t_xflags: what the mode word cannot say.
    public const int NoPost = 0x1, NoIsig = 0x2, StopB = 0x4;
}
