namespace Ptm.Actors.Cli.Tests.Commands;

/// <summary>Every command's --help ends with the exit codes it uses (issue 16), and help never counts as a usage error.</summary>
public class HelpTests
{
    private static (int ExitCode, string Out) Help(params string[] args)
    {
        var output = new StringWriter();
        var code = CommandLineRunner.Run(Program.BuildRoot(), [.. args, "--help"], output, new StringWriter());
        return (code, output.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("soak")]
    [InlineData("bench")]
    [InlineData("spec")]
    [InlineData("demo")]
    public void Help_lists_the_exit_codes_0_1_2_and_130(params string[] command)
    {
        var (code, text) = Help(command);

        Assert.Equal(0, code);
        var section = text[text.IndexOf("Exit codes:", StringComparison.Ordinal)..];
        var codes = section.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]).ToArray();
        Assert.Equal(["0", "1", "2", "130"], codes);
    }

    [Fact]
    public void The_soak_help_explains_its_codes_in_words_a_user_knows()
    {
        // Help wraps long descriptions at the console's width.
        var text = System.Text.RegularExpressions.Regex.Replace(Help("soak").Out, @"\s+", " ");

        Assert.Contains("1 violations found", text);
        Assert.Contains("130 interrupted (Ctrl+C) with no violations in what ran", text);
        Assert.DoesNotContain("wired", text);
        Assert.Contains("[default: 1m]", text); // as it is typed, not 00:01:00
    }

    [Fact]
    public void Help_wins_over_a_bad_option_on_the_same_line() =>
        Assert.Equal(0, Help("soak", "--ptys", "abc").ExitCode);
}
