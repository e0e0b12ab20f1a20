using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>IUCLC (M1) maps the whole of A..Z to lower case, both ends included, and nothing beside it.</summary>
public class LdtermIuclcBoundsTests
{
    [Fact]
    public void Iuclc_lowers_a_and_z_but_not_their_neighbours()
    {
        var ldterm = new LdtermHarness(Input(InputModes.IUCLC));
        ldterm.Type("@AZ[\n");
        Assert.Equal(new[] { "@az[\n" }, ldterm.UpData());
    }
}
