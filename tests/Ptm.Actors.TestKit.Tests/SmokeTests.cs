namespace Ptm.Actors.TestKit.Tests;

public class SmokeTests
{
    [Fact]
    public void The_test_project_loads() => Assert.True(typeof(SmokeTests).Assembly.GetName().Name == "Ptm.Actors.TestKit.Tests");
}
