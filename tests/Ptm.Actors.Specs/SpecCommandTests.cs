using System.Text;
using Ptm.Actors.Cli.Commands;
using Ptm.Actors.Specs.Fakes;
using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs;

/// <summary>`ptm spec` as a function: output lines, exit codes, seeds, and every kind of bad input.</summary>
public sealed class SpecCommandTests : IDisposable
{
    private const string Passing = "m = open /dev/ptmx\nptsname m => \"/dev/pts/1\"\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("ptm-spec-tests-").FullName;
    private readonly List<int?> _seedsUsed = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // Seed 2 numbers its minors from 5, so a spec expecting /dev/pts/1 fails under that seed only.
    private IScenarioTarget Factory(int? seed)
    {
        _seedsUsed.Add(seed);
        return new FakePtyTarget(seed) { FirstMinor = seed == 2 ? 5 : 1 };
    }

    private int Run(params string[] paths) => Run(new SpecCommand.Settings(paths));

    private int Run(SpecCommand.Settings settings) => SpecCommand.Run(settings, _output, _errors, Factory);

    // The whole command line, parser included, as `ptm spec ARGS` runs it.
    private int RunCommandLine(params string[] args)
    {
        var root = new System.CommandLine.RootCommand("test");
        root.Subcommands.Add(SpecCommand.Build(_output, _errors, Factory));
        return Ptm.Actors.Cli.CommandLineRunner.Run(root, ["spec", .. args], _output, _errors);
    }

    private string[] OutputLines => _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Passing_and_failing_specs_print_one_line_each_then_the_totals_and_exit_1()
    {
        var good = Write("good.pty", Passing);
        var bad = Write("bad.pty", "m = open /dev/ptmx\n\nwrite m \"abc\" => 4\n");
        Assert.Equal(1, Run(good, bad));
        Assert.Equal([$"PASS {good}", $"FAIL {bad}:3: expected 4, got 3", "1 passed, 1 failed"], OutputLines);
        Assert.Equal([null, null], _seedsUsed); // no seed options: the ordinary dispatcher
        Assert.Equal("", _errors.ToString());
    }

    [Fact]
    public void All_passing_exits_0()
    {
        Assert.Equal(0, Run(Write("a.pty", Passing)));
        Assert.Equal("1 passed, 0 failed", OutputLines[^1]);
    }

    [Fact]
    public void A_folder_runs_every_pty_file_below_it_in_ordinal_order()
    {
        Write("b.pty", Passing);
        Write("a/z.pty", Passing);
        Write("B.pty", Passing);
        Write("notes.txt", "not a spec");
        Write("a/c.pty.bak", "not a spec");
        Assert.Equal(0, Run(_folder));
        Assert.Equal(
        [
            $"PASS {Path.Combine(_folder, "B.pty")}", $"PASS {Path.Combine(_folder, "a/z.pty")}",
            $"PASS {Path.Combine(_folder, "b.pty")}", "3 passed, 0 failed",
        ], OutputLines);
    }

    [Fact]
    public void Seeds_runs_each_spec_with_seeds_1_to_n_and_names_the_failing_seed()
    {
        var spec = Write("s.pty", Passing);
        Assert.Equal(1, Run(new SpecCommand.Settings([spec], Seeds: 3)));
        Assert.Equal([$"FAIL {spec}:2 (seed 2): expected \"/dev/pts/1\", got \"/dev/pts/5\"", "0 passed, 1 failed"], OutputLines);
        Assert.Equal([1, 2], _seedsUsed); // a spec stops at its first failing seed
    }

    [Fact]
    public void Seeds_passing_every_seed_is_one_pass()
    {
        var spec = Write("s.pty", "m = open /dev/ptmx\nptsname m => any\n");
        Assert.Equal(0, Run(new SpecCommand.Settings([spec], Seeds: 3)));
        Assert.Equal([1, 2, 3], _seedsUsed);
        Assert.Equal([$"PASS {spec} (3 seeds, 3 distinct interleavings)", "1 passed, 0 failed"], OutputLines); // the fake's trace names its seed
    }

    [Fact]
    public void Seed_replays_exactly_that_seed()
    {
        var spec = Write("s.pty", Passing);
        Assert.Equal(1, Run(new SpecCommand.Settings([spec], Seed: 2)));
        Assert.Equal([2], _seedsUsed);
        Assert.StartsWith($"FAIL {spec}:2 (seed 2): ", OutputLines[0]);
    }

    [Fact]
    public void Verbose_prints_each_step_with_its_actual_result()
    {
        Run(new SpecCommand.Settings([Write("v.pty", Passing)], Verbose: true));
        Assert.Contains("1: m = open /dev/ptmx  -> ok", OutputLines);
        Assert.Contains("2: ptsname m => \"/dev/pts/1\"  -> \"/dev/pts/1\"", OutputLines);
    }

    [Fact]
    public void Parse_errors_of_every_file_are_printed_and_nothing_runs()
    {
        var first = Write("1.pty", "m = open /dev/ptmx\nfrob m\nread q 1\n");
        var good = Write("2.pty", Passing);
        var second = Write("3.pty", "m = open /dev/ptmx => EWHAT\n");
        Assert.Equal(2, Run(first, good, second));
        Assert.Empty(_seedsUsed);
        Assert.Equal("", _output.ToString());
        Assert.Equal(
        [
            $"{first}:2:1: unknown step 'frob'", $"{first}:3:6: unbound handle 'q' (no earlier line binds it)",
            $"{second}:1:23: unknown errno name 'EWHAT'", "ptm spec: nothing was run",
        ], ErrorLines());
    }

    [Fact]
    public void Parse_errors_of_sleep_putmsg_and_getmsg_name_path_line_and_column()
    {
        var spec = Write("m.pty", "m = open /dev/ptmx\nsleep 0\nputmsg m ctl \"x\"\ngetmsg m 4 => ctl - dat \"y\"\nsleep 15 => ok\n");
        Assert.Equal(2, Run(spec));
        Assert.Empty(_seedsUsed);
        Assert.Equal(
        [
            $"{spec}:2:7: bad duration '0' (must be more than 0 seconds)",
            $"{spec}:3:17: missing 'data' (ctl STRING data STRING, either part may be -)",
            $"{spec}:4:21: expected 'data', got 'dat' (ctl STRING data STRING, either part may be -)",
            $"{spec}:5:10: 'sleep' takes no expectation",
            "ptm spec: nothing was run",
        ], ErrorLines());
    }

    [Fact]
    public void Specs_that_sleep_and_pass_messages_run_under_every_seed()
    {
        var spec = Write("s.pty", "m = open /dev/ptmx\nunlockpt m\ns = open pts(m)\nsleep 0.5\nputmsg m ctl \"\\x00\" data \"hi\"\ngetmsg s 8 => ctl \"\\x00\" data \"hi\"\n");
        Assert.Equal(0, Run(new SpecCommand.Settings([spec], Seeds: 2, Verbose: true)));
        Assert.Equal([1, 2], _seedsUsed);
        Assert.Contains("4: sleep 0.5  -> idle", OutputLines);
        Assert.Contains("6: getmsg s 8 => ctl \"\\x00\" data \"hi\"  -> ctl \"\\0\" data \"hi\"", OutputLines);
        Assert.Equal("1 passed, 0 failed", OutputLines[^1]);
    }

    [Theory]
    [InlineData("ptm spec: --against: must be sim or linux (got 'bsd')", "--against", "bsd")]
    [InlineData("ptm spec: --seeds and --seed choose interleavings of the simulation; a Linux kernel has none to choose", "--against", "linux", "--seeds", "3")]
    [InlineData("ptm spec: --seeds and --seed choose interleavings of the simulation; a Linux kernel has none to choose", "--against", "linux", "--seed", "7")]
    public void Against_takes_sim_or_linux_and_linux_takes_no_seeds(string message, params string[] options) =>
        AssertUsageError(RunCommandLine([Write("a.pty", Passing), .. options]), message);

    [LinuxFact]
    public void Against_linux_lists_skipped_lines_per_spec_and_counts_them_at_the_end()
    {
        var spec = Write("k.pty", "m = open /dev/ptmx\nunlockpt m\ns = open pts(m)\nioctl s I_PUSH ptem\nwrite m \"x\" => 1\nsignals s\n");
        var settings = new SpecCommand.Settings([spec], Against: "linux");
        var code = SpecCommand.Run(settings, _output, _errors,
            _ => new FakePtyTarget { Skips = (step, _) => step is PayloadIoctlStep or SignalsStep ? "not here" : null });
        Assert.Equal(0, code);
        Assert.Equal([$"PASS {spec} (2 skipped: lines 4, 6)", "1 passed, 0 failed, 2 steps skipped"], OutputLines);
    }

    [Fact]
    public void No_path_is_a_usage_error() =>
        AssertUsageError(RunCommandLine(), "ptm spec: no spec given: name at least one .pty file or a folder of them");

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var missing = Path.Combine(_folder, "nope.pty");
        AssertUsageError(Run(Write("a.pty", Passing), missing), $"ptm spec: {missing}: no such file or folder");
    }

    [Fact]
    public void A_folder_without_specs_is_a_usage_error()
    {
        Write("empty/readme.txt", "nothing here");
        var folder = Path.Combine(_folder, "empty");
        AssertUsageError(Run(folder), $"ptm spec: {folder}: no .pty files in this folder");
    }

    [Fact]
    public void An_empty_file_is_a_usage_error()
    {
        var empty = Write("e.pty", "");
        AssertUsageError(Run(empty), $"ptm spec: {empty}: empty file (a spec needs at least one step)");
    }

    [Fact]
    public void A_file_of_comments_only_is_a_parse_error()
    {
        var comments = Write("c.pty", "# nothing to run\n");
        AssertUsageError(Run(comments), $"{comments}:1:1: the spec has no steps");
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_a_usage_error()
    {
        var latin1 = WriteBytes("l.pty", [.. "m = open /dev/ptmx # caf"u8, 0xE9, (byte)'\n']);
        AssertUsageError(Run(latin1), $"ptm spec: {latin1}: not valid UTF-8 text (bad byte sequence at offset 24)");
    }

    [Fact]
    public void A_file_with_a_nul_byte_is_a_usage_error()
    {
        var binary = WriteBytes("b.pty", [.. "m = open"u8, 0, .. " /dev/ptmx\n"u8]);
        AssertUsageError(Run(binary), $"ptm spec: {binary}: not a text file (NUL byte at offset 8)");
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        Assert.Equal(0, Run(WriteBytes("bom.pty", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Passing)])));
    }

    [Fact]
    public void Seeds_and_seed_together_or_seeds_below_one_are_usage_errors()
    {
        var spec = Write("s.pty", Passing);
        AssertUsageError(RunCommandLine(spec, "--seeds", "2", "--seed", "1"), "ptm spec: give --seeds or --seed, not both");
        _errors.GetStringBuilder().Clear();
        AssertUsageError(RunCommandLine(spec, "--seeds", "0"), "ptm spec: --seeds: must be at least 1 (got 0)");
    }

    [Fact]
    public void A_usage_error_is_one_line_and_a_pointer_to_help()
    {
        Assert.Equal(2, RunCommandLine(Write("s.pty", Passing), "--seeds", "0"));
        Assert.Equal(["ptm spec: --seeds: must be at least 1 (got 0)", "Run 'ptm spec --help' for usage."], ErrorLines());
    }

    [Fact]
    public void Json_to_a_file_gives_each_spec_with_its_seed_and_failing_line()
    {
        var good = Write("good.pty", Passing);
        var bad = Write("bad.pty", "m = open /dev/ptmx\n\nwrite m \"abc\" => 4\n");
        var path = Path.Combine(_folder, "report.json");

        Assert.Equal(1, RunCommandLine(good, bad, "--seed", "3", "--json", path));

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("passed").GetInt32());
        Assert.Equal(1, root.GetProperty("failed").GetInt32());
        Assert.Equal(1, root.GetProperty("exit_code").GetInt32());
        var specs = root.GetProperty("specs").EnumerateArray().ToArray();
        Assert.Equal(good, specs[0].GetProperty("path").GetString());
        Assert.True(specs[0].GetProperty("passed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, specs[0].GetProperty("line").ValueKind);
        Assert.False(specs[1].GetProperty("passed").GetBoolean());
        Assert.Equal(3, specs[1].GetProperty("seed").GetInt32());
        Assert.Equal(3, specs[1].GetProperty("line").GetInt32());
        Assert.Equal($"{bad}:3", specs[1].GetProperty("location").GetString());
        Assert.Equal("expected 4, got 3", specs[1].GetProperty("failure").GetString());
        Assert.Contains($"FAIL {bad}:3 (seed 3): expected 4, got 3", OutputLines); // the summary lines still print
    }

    [Fact]
    public void Json_to_stdout_is_the_document_alone_and_the_summary_goes_to_stderr()
    {
        var spec = Write("s.pty", Passing);

        Assert.Equal(1, RunCommandLine(spec, "--seeds", "3", "--json", "-"));

        using var json = System.Text.Json.JsonDocument.Parse(_output.ToString());
        var only = json.RootElement.GetProperty("specs").EnumerateArray().Single();
        Assert.Equal(2, only.GetProperty("seed").GetInt32()); // seed 2 is the one that fails
        Assert.Equal(2, only.GetProperty("line").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("seeds").GetInt32());
        Assert.Equal("sim", json.RootElement.GetProperty("against").GetString());
        Assert.Contains($"FAIL {spec}:2 (seed 2): expected \"/dev/pts/1\", got \"/dev/pts/5\"", ErrorLines());
    }

    [Fact]
    public void The_command_line_maps_onto_the_settings()
    {
        var command = SpecCommand.Build();
        Assert.Equal("spec", command.Name);
        var spec = Write("a.pty", Passing);
        var parsed = command.Parse([spec, _folder, "--seeds", "5", "--verbose"]);
        Assert.Empty(parsed.Errors);
        Assert.Empty(command.Parse([spec, "--seed", "17"]).Errors);
        Assert.NotEmpty(command.Parse([spec, "--seeds", "many"]).Errors);
        Assert.NotEmpty(command.Parse([Path.Combine(_folder, "missing.pty")]).Errors);
    }

    private List<string> ErrorLines() =>
        _errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private void AssertUsageError(int exitCode, string message)
    {
        Assert.Equal(2, exitCode);
        Assert.Empty(_seedsUsed);
        Assert.Equal("", _output.ToString());
        Assert.Contains(message, ErrorLines());
    }
}
