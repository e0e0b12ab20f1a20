using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// `--json FILE` on every command: the command's report as JSON to FILE, or to standard output
/// with `--json -` (then the human report goes to standard error, so stdout is JSON alone).
/// </summary>
internal static class JsonOutput
{
    /// <summary>The target that means standard output.</summary>
    public const string Stdout = "-";

    /// <summary>The `--json` option; <paramref name="what"/> names the report ("the soak report").</summary>
    public static Option<string?> Option(string what)
    {
        var option = new Option<string?>("--json")
        {
            Description = $"Write {what} as JSON to FILE, or to standard output with -",
            HelpName = "FILE|-",
        };
        option.CustomParser = result =>
        {
            var target = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (target is null or Stdout) return target;
            var full = string.IsNullOrWhiteSpace(target) ? null : Path.GetFullPath(target);
            if (full is null || Directory.Exists(full))
                result.AddError($"--json: '{target}' is a folder, not a file name");
            else if (Path.GetDirectoryName(full) is not { } folder || !Directory.Exists(folder))
                result.AddError($"--json: the folder of '{target}' does not exist");
            return target;
        };
        return option;
    }

    /// <summary>True when the JSON takes standard output.</summary>
    public static bool IsStdout(string? target) => target == Stdout;

    /// <summary>
    /// Writes <paramref name="value"/> to <paramref name="target"/> (a file, or <paramref name="stdout"/>
    /// for "-"). Returns null, or the reason the file could not be written.
    /// </summary>
    public static string? Write<T>(string target, T value, JsonTypeInfo<T> type, TextWriter stdout)
    {
        // The generated context's names and shape, with quotes, < and + left as they are (violation texts are full of them).
        var options = new JsonSerializerOptions(type.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        type = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        if (IsStdout(target))
        {
            stdout.WriteLine(JsonSerializer.Serialize(value, type));
            stdout.Flush();
            return null;
        }
        try
        {
            using var file = File.Create(target);
            JsonSerializer.Serialize(file, value, type);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"could not write the JSON report to '{target}': {e.Message}";
        }
    }
}
