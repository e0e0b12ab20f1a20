using Ptm.Actors.Cli.Commands;
using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs;

/// <summary>`ptm spec --seeds N` on the simulation prints each spec's count of distinct interleavings and counts the specs whose seeds all ran the same way.</summary>
public sealed class SpecCommandInterleavingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ptm-spec-interleavings-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string[] Run(SpecCommand.Settings settings)
    {
        Assert.Equal(0, SpecCommand.Run(settings, _output, _errors, ScenarioTargets.Simulation));
        Assert.Equal("", _errors.ToString());
        return _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public void Seeds_print_the_count_per_spec_and_flag_the_specs_that_ran_one_way()
    {
        // L1 L14: nothing for a seed to choose. R7: a close racing a reopen.
        var sequential = Write("a_sequential.pty", "m = open /dev/ptmx\nclose m\n");
        var race = Write("b_race.pty", "m = open /dev/ptmx\ngrantpt m\nunlockpt m\ns = open pts(m)\nc = close s &\no = open pts(m) &\nawait c => ok\nawait o => ok\n");
        var lines = Run(new SpecCommand.Settings([sequential, race], Seeds: 8));
        Assert.Equal(3, lines.Length);
        Assert.Equal($"PASS {sequential} (8 seeds, 1 distinct interleaving: every seed ran the same way)", lines[0]);
        Assert.Matches($@"^PASS {System.Text.RegularExpressions.Regex.Escape(race)} \(8 seeds, [2-8] distinct interleavings\)$", lines[1]);
        Assert.Equal("2 passed, 0 failed, 1 ran the same way on every seed", lines[2]);
    }

    [Fact]
    public void Json_gives_each_spec_its_count_and_the_total_that_ran_one_way()
    {
        var sequential = Write("a_sequential.pty", "m = open /dev/ptmx\nclose m\n");
        var report = Path.Combine(_folder, "report.json");
        Run(new SpecCommand.Settings([sequential], Seeds: 4) { JsonPath = report });
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(report));
        Assert.Equal(1, json.RootElement.GetProperty("ran_one_way").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("specs")[0].GetProperty("distinct_interleavings").GetInt32());
    }

    [Fact]
    public void Without_seeds_nothing_is_counted()
    {
        var spec = Write("a.pty", "m = open /dev/ptmx\nclose m\n");
        Assert.Equal([$"PASS {spec}", "1 passed, 0 failed"], Run(new SpecCommand.Settings([spec])));
    }
}
