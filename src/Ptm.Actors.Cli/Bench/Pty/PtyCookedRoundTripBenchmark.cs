namespace Ptm.Actors.Cli.Bench.Pty;

/// <summary>
/// pty_cooked_round_trips_per_s: a line written on the manager, read by the subsidiary through
/// ptem and ldterm in canonical mode with echo off, answered with a line the manager reads back
/// with ONLCR applied (<see cref="CookedLines"/>); one line in flight. The terminal is opened as
/// a host would (<see cref="PtySystem.OpenTerminalAsync"/>); the loop runs on the POSIX facade,
/// as the other pty figures do.
/// </summary>
internal sealed class PtyCookedRoundTripBenchmark : IBenchmark
{
    public const string FigureKey = "pty_cooked_round_trips_per_s";

    public string Name => "pty cooked-line round trips, ptem and ldterm, echo off";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var system = PtySystem.Create();
        var posix = system.Posix;
        var terminal = await system.OpenTerminalAsync(CookedLines.SimulatedModes(Termios.Default), cancellationToken: cancellation).ConfigureAwait(false);
        var (manager, subsidiary) = (terminal.Manager.Descriptor, terminal.Subsidiary.Descriptor);
        var answering = Task.Run(() => AnswerLinesAsync(posix, subsidiary), cancellation);
        var answer = new byte[CookedLines.AnswerAtManager.Length];
        try
        {
            var perSecond = await context.PerSecondAsync(async deadline =>
            {
                long trips = 0;
                do
                {
                    (await posix.WriteAsync(manager, CookedLines.Request).ConfigureAwait(false)).ValueOrThrow("write");
                    await ReadAnswerAsync(posix, manager, answer).ConfigureAwait(false);
                    trips++;
                } while (!Measure.Reached(deadline));
                return trips;
            }).ConfigureAwait(false);
            context.Add(FigureKey, perSecond, FigureUnits.PerSecond);
        }
        finally
        {
            await posix.CloseAsync(manager).ConfigureAwait(false); // hangs the subsidiary up: its read returns 0
            await answering.ConfigureAwait(false);
            await terminal.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The program on the subsidiary: reads a line (one canonical read), writes the answer line.</summary>
    private static async Task AnswerLinesAsync(PosixApi posix, int subsidiary)
    {
        var line = new byte[CookedLines.Request.Length];
        while (true)
        {
            var got = 0;
            do
            {
                var read = await posix.ReadAsync(subsidiary, line.AsMemory(got)).ConfigureAwait(false);
                if (!read.IsOk || read.Value == 0) return; // hung up at the end of the run
                got += (int)read.Value;
            } while (!CookedLines.EndsLine(line.AsSpan(0, got)) && got < line.Length);
            if (got != CookedLines.Request.Length) throw new InvalidOperationException($"the subsidiary read {got} bytes of a {CookedLines.Request.Length}-byte line");
            if (!(await posix.WriteAsync(subsidiary, CookedLines.Answer).ConfigureAwait(false)).IsOk) return;
        }
    }

    /// <summary>The terminal emulator's side: reads until the whole processed answer is in.</summary>
    private static async ValueTask ReadAnswerAsync(PosixApi posix, int manager, byte[] answer)
    {
        var got = 0;
        while (got < answer.Length)
        {
            var n = (await posix.ReadAsync(manager, answer.AsMemory(got)).ConfigureAwait(false)).ValueOrThrow("read");
            if (n == 0) throw new InvalidOperationException("the manager read end of file mid-run");
            got += (int)n;
        }
        if (!answer.AsSpan().SequenceEqual(CookedLines.AnswerAtManager))
            throw new InvalidOperationException("the answer arrived changed: " + System.Text.Encoding.ASCII.GetString(answer));
    }
}
