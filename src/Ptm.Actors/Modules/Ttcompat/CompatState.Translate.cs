namespace Ptm.Actors.Modules;

// The two translations of ttcompat.c (to_compat, from_compat), in this project's types. Their
// rules are illumos': e.g. "raw" is a termios with no input, output or local processing and
// 8-bit characters; a mode word without CBREAK means canonical input; no DECCTQ means IXANY.

internal sealed partial class CompatState
{
    /// <summary>Reads a termios (a TCGETS answer) into this state.</summary>
    public void ToCompat(Termios t)
    {
        var cflag = (uint)t.Control;
        XFlags &= NoIsig | NoPost;
        OSpeed = (byte)(cflag & (uint)ControlModes.CBAUD);
        ISpeed = (byte)((cflag & CiBaud) >> IbShift);
        if (ISpeed == 0) ISpeed = OSpeed;
        if ((cflag & (uint)ControlModes.CSTOPB) != 0 && ISpeed != B110) XFlags |= StopBits;
        (Erase, Kill, Intr, Quit) = (ToOld(t[ControlChar.VERASE]), ToOld(t[ControlChar.VKILL]), ToOld(t[ControlChar.VINTR]), ToOld(t[ControlChar.VQUIT]));
        (Start, Stop, Susp, DSusp) = (ToOld(t[ControlChar.VSTART]), ToOld(t[ControlChar.VSTOP]), ToOld(t[ControlChar.VSUSP]), ToOld(t[ControlChar.VDSUSP]));
        (Reprint, Discard, WErase, LNext) = (ToOld(t[ControlChar.VREPRINT]), ToOld(t[ControlChar.VDISCARD]), ToOld(t[ControlChar.VWERASE]), ToOld(t[ControlChar.VLNEXT]));

        Flags &= CtlEch | LitOut | Pass8 | OddParity | EvenParity;
        if ((t.Input & InputModes.IXOFF) != 0) Flags |= Tandem;
        var eightBits = (cflag & (uint)(ControlModes.CSIZE | ControlModes.PARENB)) == (uint)ControlModes.CS8;
        const InputModes anyInput = InputModes.IMAXBEL | InputModes.BRKINT | InputModes.IGNPAR | InputModes.PARMRK | InputModes.INPCK |
            InputModes.ISTRIP | InputModes.INLCR | InputModes.IGNCR | InputModes.ICRNL | InputModes.IUCLC | InputModes.IXON;
        if ((t.Input & anyInput) == 0 && (t.Output & OutputModes.OPOST) == 0 && eightBits &&
            (t.Local & (LocalModes.ISIG | LocalModes.ICANON | LocalModes.XCASE | LocalModes.IEXTEN)) == 0)
        {
            Flags |= Raw;
        }
        else
        {
            if ((t.Input & InputModes.IXON) == 0) Start = Stop = 0xff;
            if (eightBits && (t.Output & OutputModes.OPOST) == 0) Flags |= LitOut;
            else
            {
                Flags &= ~LitOut;
                if (eightBits)
                {
                    if ((t.Input & InputModes.ISTRIP) == 0) Flags |= Pass8;
                }
                else
                {
                    Flags &= ~(OddParity | EvenParity | Pass8);
                    if ((t.Control & ControlModes.PARODD) != 0) Flags |= OddParity;
                    else if ((t.Input & InputModes.INPCK) != 0) Flags |= EvenParity;
                    else Flags |= OddParity | EvenParity;
                }
                XFlags = (t.Output & OutputModes.OPOST) == 0 ? XFlags | NoPost : XFlags & ~NoPost;
            }
            XFlags = (t.Local & LocalModes.ISIG) == 0 ? XFlags | NoIsig : XFlags & ~NoIsig;
            if ((t.Local & LocalModes.ICANON) == 0) Flags |= Cbreak;
            Flags = (t.Local & LocalModes.ECHOCTL) != 0 ? Flags | CtlEch : Flags & ~CtlEch;
        }
        if ((t.Output & OutputModes.OLCUC) != 0) Flags |= Lcase;
        if ((t.Local & LocalModes.ECHO) != 0) Flags |= Echo;
        if ((t.Output & OutputModes.ONLCR) != 0) Flags |= Crmod;
        Flags |= (t.Output & OutputModes.TABDLY) switch { (OutputModes)0x800 => Tab1, (OutputModes)0x1000 => Tab2, OutputModes.TAB3 => Xtabs, _ => 0 };
        if ((t.Local & LocalModes.ECHOPRT) != 0) Flags |= PrtEra;
        if ((t.Local & LocalModes.ECHOE) != 0) Flags |= CrtEra | CrtBs;
        if ((t.Local & LocalModes.TOSTOP) != 0) Flags |= ToStop;
        if ((t.Local & LocalModes.FLUSHO) != 0) Flags |= FlushO;
        if ((t.Control & ControlModes.CLOCAL) != 0) Flags |= NoHang;
        if ((t.Local & LocalModes.ECHOKE) != 0) Flags |= CrtKil;
        if ((t.Local & LocalModes.PENDIN) != 0) Flags |= PendIn;
        if ((t.Input & InputModes.IXANY) == 0) Flags |= DecCtq;
        if ((t.Local & LocalModes.NOFLSH) != 0) Flags |= NoFlsh;
        if (t.IsCanonical) (Eof, Brk) = (ToOld(t[ControlChar.VEOF]), ToOld(t[ControlChar.VEOL]));
    }

    /// <summary>Writes this state into <paramref name="t"/> (the termios TCGETS answered), giving the termios a TCSETS sends down.</summary>
    public Termios FromCompat(Termios t)
    {
        var input = InputModes.None;
        var output = t.Output & (OutputModes.ONLRET | OutputModes.ONOCR);
        var cflag = ((uint)t.Control & (CrtsCts | CrtsXoff | ParExt | LoBlk | (uint)ControlModes.HUPCL)) | (uint)ControlModes.CREAD;
        cflag |= OSpeed & (uint)ControlModes.CBAUD;
        if (OSpeed != ISpeed)
        {
            cflag |= ((uint)ISpeed << IbShift) & CiBaud;
            if (ISpeed == 0) cflag &= ~(uint)ControlModes.CBAUD; // hang up
        }
        if (ISpeed == B110 || (XFlags & StopBits) != 0) cflag |= (uint)ControlModes.CSTOPB;
        var local = LocalModes.ECHOK;
        var cc = t.ControlChars.ToBuilder();
        void Set(ControlChar index, byte value) => cc[(int)index] = FromOld(value);
        Set(ControlChar.VERASE, Erase); Set(ControlChar.VKILL, Kill); Set(ControlChar.VINTR, Intr); Set(ControlChar.VQUIT, Quit);
        Set(ControlChar.VSTART, Start); Set(ControlChar.VSTOP, Stop); Set(ControlChar.VSUSP, Susp); Set(ControlChar.VDSUSP, DSusp);
        Set(ControlChar.VREPRINT, Reprint); Set(ControlChar.VDISCARD, Discard); Set(ControlChar.VWERASE, WErase); Set(ControlChar.VLNEXT, LNext);
        cc[(int)ControlChar.VEOL2] = 0;
        cc[VStatus] = 0;

        if (Has(Tandem)) input |= InputModes.IXOFF;
        if (Has(Lcase)) { input |= InputModes.IUCLC; output |= OutputModes.OLCUC; local |= LocalModes.XCASE; }
        if (Has(Echo)) local |= LocalModes.ECHO;
        if (Has(Crmod)) { input |= InputModes.ICRNL; output |= OutputModes.ONLCR; }
        else if ((Flags & NewlineDelay) == Nl1) output |= OutputModes.ONLRET; // tty37: ttcompat.c sets ONLRET|CR1
        if (Has(Raw))
        {
            cflag |= (uint)ControlModes.CS8;
            input &= ~(InputModes.ICRNL | InputModes.IUCLC);
            local &= ~(LocalModes.XCASE | LocalModes.IEXTEN);
        }
        else
        {
            input |= InputModes.IMAXBEL | InputModes.BRKINT | InputModes.IGNPAR;
            if (cc[(int)ControlChar.VSTOP] != 0 && cc[(int)ControlChar.VSTART] != 0) input |= InputModes.IXON;
            if (Has(LitOut) || Has(Pass8)) cflag |= (uint)ControlModes.CS8;
            else
            {
                (input, cflag) = (Flags & (OddParity | EvenParity)) switch
                {
                    0 => (input | InputModes.ISTRIP, cflag | (uint)ControlModes.CS8),
                    EvenParity => (input | InputModes.INPCK | InputModes.ISTRIP, cflag | Cs7 | (uint)ControlModes.PARENB),
                    OddParity => (input | InputModes.INPCK | InputModes.ISTRIP, cflag | Cs7 | (uint)(ControlModes.PARENB | ControlModes.PARODD)),
                    _ => (input | InputModes.ISTRIP, cflag | Cs7 | (uint)ControlModes.PARENB),
                };
            }
            if (!Has(LitOut) && (XFlags & NoPost) == 0) output |= OutputModes.OPOST;
            local |= LocalModes.IEXTEN;
            if ((XFlags & NoIsig) == 0) local |= LocalModes.ISIG;
            if (!Has(Cbreak)) local |= LocalModes.ICANON;
            if (Has(CtlEch)) local |= LocalModes.ECHOCTL;
        }
        output |= (Flags & TabDelay) switch { Tab1 => (OutputModes)0x800, Tab2 => (OutputModes)0x1000, Xtabs => OutputModes.TAB3, _ => 0 };
        if (Has(PrtEra)) local |= LocalModes.ECHOPRT;
        if (Has(CrtEra)) local |= LocalModes.ECHOE;
        if (Has(ToStop)) local |= LocalModes.TOSTOP;
        if (Has(FlushO)) local |= LocalModes.FLUSHO;
        if (Has(NoHang)) cflag |= (uint)ControlModes.CLOCAL;
        if (Has(CrtKil)) local |= LocalModes.ECHOKE;
        if (Has(PendIn)) local |= LocalModes.PENDIN;
        if (!Has(DecCtq)) input |= InputModes.IXANY;
        if (Has(NoFlsh)) local |= LocalModes.NOFLSH;
        if ((local & LocalModes.ICANON) != 0) { Set(ControlChar.VEOF, Eof); Set(ControlChar.VEOL, Brk); }
        else { cc[(int)ControlChar.VMIN] = 1; cc[(int)ControlChar.VTIME] = 0; }
        return new Termios(input, output, (ControlModes)cflag, local, cc.ToImmutable());
    }
}
