namespace Ptm.Actors.Cli.Tests.Commands;

/// <summary>
/// Every usage error the issue met (issue 16), through the real command tree: one line in one
/// style, `ptm CMD: reason`, then one pointer to the command's help, exit 2, nothing on stdout.
/// </summary>
public class UsageErrorTests
{
    private sealed record Outcome(int ExitCode, string Out, string[] ErrorLines);

    private static Outcome Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLineRunner.Run(Program.BuildRoot(), args, output, error);
        return new Outcome(code, output.ToString(), error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("ptm: give a command: bench, spec, soak or demo", "ptm")]
    [InlineData("ptm: 'frob' is not a command (the commands are bench, spec, soak or demo)", "ptm", "frob")]
    [InlineData("ptm soak: --ptys: must be between 1 and 100,000 (got -5)", "ptm soak", "soak", "--ptys", "-5")]
    [InlineData("ptm soak: --ptys: not a whole number (got 'abc')", "ptm soak", "soak", "--ptys", "abc")]
    [InlineData("ptm soak: --ptys: needs a value", "ptm soak", "soak", "--ptys")]
    [InlineData("ptm soak: --ptys: give it once", "ptm soak", "soak", "--ptys", "1", "--ptys", "2")]
    [InlineData("ptm soak: --duration: not a duration (got 'soon'); give seconds, or a number with a unit: 500ms, 90s, 5m, 1h", "ptm soak", "soak", "--duration", "soon")]
    [InlineData("ptm soak: --duration: must be at most 7 days (got '200h')", "ptm soak", "soak", "--duration", "200h")]
    [InlineData("ptm soak: --rate-timer-delay: must be between 0 and 1 (got NaN)", "ptm soak", "soak", "--rate-timer-delay", "NaN")]
    [InlineData("ptm soak: --seed: must not be negative (got -1)", "ptm soak", "soak", "--seed", "-1")]
    [InlineData("ptm soak: --json: the folder of '/no/such/folder/r.json' does not exist", "ptm soak", "soak", "--json", "/no/such/folder/r.json")]
    [InlineData("ptm soak: --frob: no such option", "ptm soak", "soak", "--frob")]
    [InlineData("ptm soak: 'extra': unexpected argument", "ptm soak", "soak", "extra")]
    [InlineData("ptm soak: --nodes: must be between 3 and 9 (got 2)", "ptm soak", "soak", "--nodes", "2")]
    [InlineData("ptm soak: --deterministic: does not apply with --nodes (the nodes run the cross-node workload on the wall clock)", "ptm soak", "soak", "--nodes", "3", "--deterministic")]
    [InlineData("ptm soak: --rate-timer-delay: does not apply with --nodes (the nodes run the cross-node workload on the wall clock)", "ptm soak", "soak", "--nodes", "3", "--rate-timer-delay", "0.1")]
    [InlineData("ptm soak: --node-kill-interval: applies only with --nodes", "ptm soak", "soak", "--node-kill-interval", "5s")]
    [InlineData("ptm soak: --node-kill-interval: not a duration (got 'often'); give seconds, or a number with a unit: 500ms, 90s, 5m, 1h", "ptm soak", "soak", "--nodes", "3", "--node-kill-interval", "often")]
    [InlineData("ptm bench: --pairs: must be at least 1 (got 0)", "ptm bench", "bench", "--pairs", "0")]
    [InlineData("ptm bench: --pairs: not a whole number (got 'many')", "ptm bench", "bench", "--pairs", "many")]
    [InlineData("ptm bench: 'nosuch' is not a suite (the suites are kernel, pty, scale, cluster or all)", "ptm bench", "bench", "nosuch")]
    [InlineData("ptm spec: --seeds: must be at least 1 (got 0)", "ptm spec", "spec", "--seeds", "0", "specs")]
    [InlineData("ptm spec: --against: must be sim or linux (got 'bsd')", "ptm spec", "spec", "--against", "bsd", "specs")]
    [InlineData("ptm spec: no spec given: name at least one .pty file or a folder of them", "ptm spec", "spec")]
    public void A_usage_error_is_one_line_then_a_pointer_to_help_and_exit_2(string expected, string command, params string[] args)
    {
        var outcome = Run(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal([expected, $"Run '{command} --help' for usage."], outcome.ErrorLines);
        Assert.Equal("", outcome.Out);
    }

    [Theory]
    [InlineData("soak", "--ptys", "abc")]
    [InlineData("frob")]
    [InlineData("bench", "--pairs", "x")]
    [InlineData("spec", "--seed", "x", "specs")]
    public void No_parser_jargon_reaches_the_user(params string[] args)
    {
        var text = string.Join('\n', Run(args).ErrorLines);

        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("expected type", text);
        Assert.DoesNotContain("  ", text);
        Assert.DoesNotContain("Unrecognized", text);
    }

    [Fact]
    public void Spec_options_that_exclude_each_other_are_one_usage_error()
    {
        var spec = Path.Combine(Path.GetTempPath(), $"ptm-usage-{Guid.NewGuid():N}.pty");
        File.WriteAllText(spec, "m = open /dev/ptmx\n");
        try
        {
            var outcome = Run("spec", "--seeds", "2", "--seed", "1", spec);

            Assert.Equal(2, outcome.ExitCode);
            Assert.Equal(["ptm spec: give --seeds or --seed, not both", "Run 'ptm spec --help' for usage."], outcome.ErrorLines);
        }
        finally
        {
            File.Delete(spec);
        }
    }
}
