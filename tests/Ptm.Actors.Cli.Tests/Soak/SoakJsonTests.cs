using System.Text.Json;
using System.Text.RegularExpressions;
using Ptm.Actors.TestKit.Tests.Soak;
using Ptm.Actors.Cli.Soak;
using Ptm.Actors.TestKit.Soak;

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

    [Fact]
    public async Task The_json_report_has_the_required_keys()
    {
        var report = await new SoakRunner(new SoakOptions { Duration = TimeSpan.FromSeconds(30), Ptys = 2, Seed = 1234 }, new ReplayWorkload(Traces.Clean().Add(new DeadLetter("MData", "manager-9", false))), ISoakDisplay.None, Serilog.Core.Logger.None).RunAsync(CancellationToken.None);
        using var buffer = new MemoryStream();
        SoakReportJson.Write(report, buffer);
        using var json = JsonDocument.Parse(buffer.ToArray());
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("sessions").GetInt64());
        Assert.True(root.GetProperty("duration_s").GetDouble() >= 0);
        Assert.Equal(1300, root.GetProperty("bytes").GetProperty("total_received").GetInt64());
        Assert.Equal(1000, root.GetProperty("bytes").GetProperty("manager_to_subsidiary").GetProperty("accepted").GetInt64());
        var faults = root.GetProperty("faults");
        Assert.Equal(JsonValueKind.Object, faults.ValueKind);
        foreach (var kind in FaultKinds.All) Assert.True(faults.TryGetProperty(FaultKinds.Name(kind), out _), FaultKinds.Name(kind));
        Assert.Equal(1, faults.GetProperty("slow_reader").GetInt64());
        var violations = root.GetProperty("violations");
        Assert.Equal(JsonValueKind.Object, violations.ValueKind);
        foreach (var kind in ViolationKinds.All) Assert.True(violations.TryGetProperty(ViolationKinds.Name(kind), out _), ViolationKinds.Name(kind));
        Assert.Equal(1, violations.GetProperty("dead_letter").GetProperty("count").GetInt64());
        Assert.Contains("manager-9", violations.GetProperty("dead_letter").GetProperty("first").GetString());
        Assert.Equal(JsonValueKind.Null, violations.GetProperty("data_loss").GetProperty("first").ValueKind);
        Assert.Equal(1234, root.GetProperty("seed").GetInt64());
        Assert.True(root.TryGetProperty("latency_ms", out _));
        Assert.True(root.TryGetProperty("peak_managed_bytes", out _));
    }
}
