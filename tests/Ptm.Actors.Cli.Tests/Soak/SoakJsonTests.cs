using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ptm.Actors.Cli.Tests.Soak;

/// <summary>`ptm soak --json FILE|-` (issue 16): one JSON document, snake_case throughout; with -, stdout is that document alone.</summary>
public class SoakJsonTests
{
    private static SoakOutcome Run(params string[] args) =>
        SoakCommandLine.Run(_ => new ReplayWorkload(Traces.Clean()), CancellationToken.None, args);

    private static IEnumerable<string> Names(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Names(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Names),
        _ => [],
    };

    [Fact]
    public void Json_to_stdout_is_the_report_alone_and_the_table_goes_to_stderr()
    {
        var (code, output, error) = Run("--json", "-", "--seed", "9");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(9, json.RootElement.GetProperty("seed").GetInt64());
        Assert.False(json.RootElement.GetProperty("interrupted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("interrupted_after_s").ValueKind);
        Assert.Contains("ptm soak report", error);
        Assert.StartsWith("seed 9; ", error);
    }

    [Fact]
    public void Every_name_in_the_json_is_snake_case()
    {
        var (_, output, _) = Run("--json", "-");

        using var json = JsonDocument.Parse(output);
        var names = Names(json.RootElement).ToList();
        Assert.Contains("peak_live_sessions", names);
        Assert.Contains("operations_per_s", names);
        Assert.All(names, name => Assert.Matches(new Regex("^[a-z][a-z0-9_]*$"), name));
    }
}
