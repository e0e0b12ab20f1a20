using Akka.Actor;

namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>
/// terminated_per_s: one watcher watches <see cref="Watched"/> top-level actors; the window
/// times stopping them all until the watcher has received every Terminated. Creating and
/// watching each batch happens before its window (Measure.PerSecondOfBatchesAsync): the batch
/// is ready once every subject has answered a ball, because an actor handles its system
/// messages (the watcher's Watch among them) before its next user message.
/// </summary>
internal sealed class TerminatedBenchmark : IBenchmark
{
    public const int Watched = 100_000;

    public string Name => "actor death-watch";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var bench = BenchActorSystem.Create("bench-terminated");
        var watcher = bench.ActorOf(static () => new WatcherActor(), "watcher");
        var answered = new TellCounter();
        var subjectProps = BenchActorSystem.Props(() => new EchoActor());
        var counter = bench.ActorOf(() => new CountingActor(answered), "answers");
        var rate = await context.PerSecondOfBatchesAsync(
            async () =>
            {
                var subjects = new IActorRef[Watched];
                for (var i = 0; i < subjects.Length; i++) subjects[i] = bench.System.ActorOf(subjectProps);
                var watching = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                watcher.Tell(new WatchAll(subjects, watching), ActorRefs.NoSender);
                await Patience.Await(watching.Task, "the watcher did not watch its subjects").ConfigureAwait(false);
                var before = answered.Read();
                foreach (var subject in subjects) subject.Tell(Ball.Instance, counter);
                await Patience.Until(() => answered.Read() - before >= subjects.Length, () => $"only {answered.Read() - before:N0} of {subjects.Length:N0} subjects answered").ConfigureAwait(false);
                return subjects;
            },
            async subjects =>
            {
                var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                watcher.Tell(new ExpectTerminations(subjects.Length, done), ActorRefs.NoSender);
                foreach (var subject in subjects) bench.System.Stop(subject);
                return await Patience.Await(done.Task, $"the watcher did not get {subjects.Length:N0} Terminated").ConfigureAwait(false);
            }).ConfigureAwait(false);
        context.Add("terminated_per_s", rate, FigureUnits.PerSecond);
    }
}

internal sealed record WatchAll(IActorRef[] Subjects, TaskCompletionSource<long> Done);

internal sealed record ExpectTerminations(int Count, TaskCompletionSource<long> Done);

/// <summary>Watches what it is given and reports when the expected number of Terminated has arrived.</summary>
internal sealed class WatcherActor : UntypedActor
{
    private ExpectTerminations? _expect;
    private long _terminated;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Terminated:
                if (++_terminated == _expect?.Count) _expect.Done.TrySetResult(_terminated);
                break;
            case WatchAll all:
                foreach (var subject in all.Subjects) Context.Watch(subject);
                all.Done.TrySetResult(all.Subjects.Length);
                break;
            case ExpectTerminations expect:
                _expect = expect;
                _terminated = 0;
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
