using Akka.Configuration;

namespace Ptm.Actors.Runtime;

/// <summary>The embedded reference configuration (reference.conf beside this file), Akka.NET's way of shipping defaults.</summary>
internal static class PtyConfig
{
    /// <summary>The dispatcher pty actors run on unless PtySystemOptions names another.</summary>
    public const string DefaultDispatcher = "ptm.dispatcher";

    private static readonly Lazy<Config> s_reference = new(Load);

    public static Config Reference => s_reference.Value;

    private static Config Load()
    {
        using var stream = typeof(PtyConfig).Assembly.GetManifestResourceStream("Ptm.Actors.Runtime.reference.conf")
            ?? throw new InvalidOperationException("Ptm.Actors was built without its reference.conf");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
