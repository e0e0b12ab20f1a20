namespace Ptm.Actors.Modules;

/// <summary>
/// fmodsw: the modules I_PUSH can find by name (M4.2). Each push gets a fresh instance: a
/// module's state belongs to the one stream it is pushed on.
/// </summary>
internal static class ModuleRegistry
{
    /// <summary>nstrpush: at most 9 modules on one stream.</summary>
    public const int MaxPushed = 9;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<StreamModule>> s_modules = new(StringComparer.Ordinal)
    {
        ["ptem"] = () => new Ptem(),
        ["pckt"] = () => new Pckt(),
        ["ttcompat"] = () => new Ttcompat(),
        ["ldterm"] = () => new Ldterm(),
    };

    /// <summary>The module names a host may push.</summary>
    public static IEnumerable<string> Names => s_modules.Keys;

    public static bool IsKnown(string name) => s_modules.ContainsKey(name);

    public static StreamModule? Create(string name) => s_modules.TryGetValue(name, out var create) ? create() : null;

    /// <summary>Adds a module under its name (the product's own at start-up; tests may add probes).</summary>
    internal static void Register(string name, Func<StreamModule> create) => s_modules[name] = create;
}
