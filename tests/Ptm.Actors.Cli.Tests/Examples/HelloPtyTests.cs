using Ptm.Actors.Cli.Examples;

namespace Ptm.Actors.Cli.Tests.Examples;

public class HelloPtyTests
{
    [Fact]
    public async Task The_README_example_passes_a_line_and_shows_the_hang_up()
    {
        var output = new StringWriter();
        await HelloPty.RunAsync(output);
        Assert.Equal(
            """
            opened /dev/pts/1
            subsidiary read 6 bytes: hello
            subsidiary poll: POLLHUP
            subsidiary write: EIO
            subsidiary read: 0 (end of file)
            allocated ptys: 0

            """.ReplaceLineEndings(), output.ToString().ReplaceLineEndings());
    }
}
