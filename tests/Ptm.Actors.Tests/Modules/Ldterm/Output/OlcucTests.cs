// Not ".Output": a namespace of that name would hide LdtermHarness.Output in the Ldterm tests.
namespace Ptm.Actors.Tests.Modules.Ldterm.OutputProcessing;

/// <summary>M1 OLCUC raises exactly the lower-case letters a to z on output.</summary>
public class OlcucTests
{
    [Fact]
    public void Olcuc_raises_a_to_z_and_leaves_their_neighbours_alone()
    {
        var ldterm = new LdtermHarness(LdtermHarness.Output(OutputModes.OLCUC));
        ldterm.Write("`az{1");
        Assert.Equal("`AZ{1", ldterm.TakeDownText());
    }
}
