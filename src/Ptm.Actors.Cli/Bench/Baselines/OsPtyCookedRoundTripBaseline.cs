using Ptm.Actors.Cli.Bench.Os;

namespace Ptm.Actors.Cli.Bench.Baselines;

/// <summary>
/// os_pty_cooked_round_trips_per_s: the same cooked-line exchange as pty_cooked_round_trips_per_s
/// (<see cref="CookedLines"/>) on the Linux kernel's pty, whose line discipline is always there:
/// canonical mode with echo off, the subsidiary answered by a dedicated thread.
/// </summary>
internal sealed class OsPtyCookedRoundTripBaseline(Func<OsPtyAvailability>? probe = null)
    : OsPtyBaseline(BaselineMap.OsPtyCookedRoundTrips, probe)
{
    public override string Name => "kernel pty cooked-line round trips, echo off (baseline)";

    protected override string Unit => FigureUnits.PerSecond;

    protected override double MeasureOn(BenchContext context)
    {
        using var pair = OsPtyPair.Open();
        pair.MakeSubsidiaryCooked();
        var answer = new byte[CookedLines.AnswerAtManager.Length];
        return MeasureExchange(context, pair, "os-pty subsidiary answers", AnswerLines, _ =>
        {
            if (!OsPtyPair.WriteAll(pair.Manager, CookedLines.Request)) throw new InvalidOperationException("the subsidiary hung up mid-run");
            ReadAnswer(pair.Manager, answer);
        });
    }

    private static void AnswerLines(int subsidiary)
    {
        var line = new byte[CookedLines.Request.Length];
        while (true)
        {
            var got = 0;
            do
            {
                var n = OsPtyPair.ReadSome(subsidiary, line.AsSpan(got));
                if (n == 0) return; // hung up at the end of the run
                got += n;
            } while (!CookedLines.EndsLine(line.AsSpan(0, got)) && got < line.Length);
            if (got != CookedLines.Request.Length) throw new InvalidOperationException($"the subsidiary read {got} bytes of a {CookedLines.Request.Length}-byte line");
            if (!OsPtyPair.WriteAll(subsidiary, CookedLines.Answer)) return;
        }
    }

    private static void ReadAnswer(int manager, byte[] answer)
    {
        var got = 0;
        while (got < answer.Length)
        {
            var n = OsPtyPair.ReadSome(manager, answer.AsSpan(got));
            if (n == 0) throw new InvalidOperationException("the manager read end of file mid-run");
            got += n;
        }
        if (!answer.AsSpan().SequenceEqual(CookedLines.AnswerAtManager))
            throw new InvalidOperationException("the answer arrived changed: " + System.Text.Encoding.ASCII.GetString(answer));
    }
}
