using Ptm.Actors.Modules;

namespace Ptm.Actors.Tests.Modules;

/// <summary>fmodsw (M4.2): a module's own name (module_info's mi_idname) is the one I_PUSH finds it by.</summary>
public sealed class ModuleNameTests
{
    [Theory]
    [InlineData("ptem")]
    [InlineData("pckt")]
    [InlineData("ttcompat")]
    [InlineData("ldterm")]
    public void Each_product_module_is_named_as_it_is_registered(string name)
    {
        var module = ModuleRegistry.Create(name);

        Assert.NotNull(module);
        Assert.Equal(name, module.Name);
    }
}
