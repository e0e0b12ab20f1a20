using System.Buffers.Binary;
using Ptm.Actors.TestKit.Scenarios.Linux;

namespace Ptm.Actors.Specs;

/// <summary>The Linux oracle translates glibc's struct termios to and from illumos' layout by name (M4.7).</summary>
public class LinuxTermiosTests
{
    // glibc x86_64: c_iflag, c_oflag, c_cflag, c_lflag at 0, 4, 8, 12; c_cc[32] from 17.
    private static byte[] Linux(uint input, uint output, uint control, uint local, params (int Index, byte Value)[] chars)
    {
        var bytes = new byte[LinuxLibC.TermiosSize];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, input);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), output);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), control);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), local);
        foreach (var (index, value) in chars) bytes[17 + index] = value;
        return bytes;
    }

    private static uint Word(byte[] linux, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(linux.AsSpan(offset));

    [Fact]
    public void Linux_default_pty_modes_read_as_the_same_flags_by_name()
    {
        // Linux tty_std_termios for a pty: ICRNL|IXON, OPOST|ONLCR, B38400|CS8|CREAD|HUPCL,
        // ISIG|ICANON|ECHO|ECHOE|ECHOK|ECHOCTL|ECHOKE|IEXTEN; c_cc "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0".
        var linux = Linux(0x500, 0x5, 0xbf | 0x400, 0x8a3b,
            (0, 3), (1, 0x1c), (2, 0x7f), (3, 0x15), (4, 4), (5, 0), (6, 1), (8, 0x11), (9, 0x13), (10, 0x1a),
            (12, 0x12), (13, 0x0f), (14, 0x17), (15, 0x16));
        var termios = LinuxTermios.ToIllumos(linux, speedCode: 15);
        Assert.Equal(InputModes.ICRNL | InputModes.IXON, termios.Input);
        Assert.Equal(OutputModes.OPOST | OutputModes.ONLCR, termios.Output);
        Assert.Equal(ControlModes.CS8 | ControlModes.CREAD | ControlModes.HUPCL | (ControlModes)15, termios.Control);
        Assert.Equal(Termios.Default.Local, termios.Local);
        Assert.Equal(4, termios[ControlChar.VEOF]);   // canonical: the EOF/EOL slots hold EOF and EOL
        Assert.Equal(0, termios[ControlChar.VEOL]);
        Assert.Equal(0x17, termios[ControlChar.VWERASE]);
        Assert.Equal(0, termios[ControlChar.VDSUSP]); // Linux has none
    }

    [Fact]
    public void Non_canonical_modes_put_min_and_time_in_the_shared_slots()
    {
        var linux = Linux(0, 0, 0, 0, (4, 4), (5, 7), (6, 3), (11, 9));
        var termios = LinuxTermios.ToIllumos(linux, 13);
        Assert.Equal(3, termios[ControlChar.VMIN]);
        Assert.Equal(7, termios[ControlChar.VTIME]);
    }

    [Fact]
    public void Flags_whose_values_differ_translate_by_name()
    {
        // FLUSHO is 0x1000 on Linux and 0x2000 on illumos.
        Assert.Equal(LocalModes.FLUSHO, LinuxTermios.ToIllumos(Linux(0, 0, 0, 0x1000), 0).Local);
        var linux = Linux(0, 0, 0, 0);
        LinuxTermios.Apply(Termios.Default with { Local = LocalModes.FLUSHO }, linux);
        Assert.Equal(0x1000u, Word(linux, 12));
    }

    [Fact]
    public void Applying_changes_only_named_bits_and_the_slots_of_the_current_mode()
    {
        const uint iutf8 = 0x4000, extproc = 0x10000;
        var linux = Linux(0x500 | iutf8, 0x5, 0xbf, 0x8a3b | extproc, (4, 4), (6, 1), (11, 0));
        var change = LinuxTermios.ToIllumos(linux, 15);
        change = change with { Local = change.Local & ~LocalModes.ICANON };
        change = change.With(ControlChar.VMIN, 2).With(ControlChar.VTIME, 5);
        var speed = LinuxTermios.Apply(change, linux);
        Assert.Equal(15u, speed);
        Assert.Equal(0x500 | iutf8, Word(linux, 0));            // IUTF8 has no illumos name: kept
        Assert.Equal((0x8a3bu & ~0x2u) | extproc, Word(linux, 12));
        Assert.Equal((4, 2, 5), (linux[17 + 4], linux[17 + 6], linux[17 + 5])); // VEOF kept, VMIN and VTIME set
    }
}
