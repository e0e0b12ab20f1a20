using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>The default probe's expectations, and the timing helpers, on the kit itself.</summary>
public abstract partial class TestKit
{
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) => TestActorProbe.ExpectMsgAsync<T>(timeout);

    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null) where T : notnull => TestActorProbe.ExpectMsgAsync(expected, timeout);

    public Task<T> ExpectMsgAsync<T>(Predicate<T> predicate, TimeSpan? timeout = null, string? hint = null) =>
        TestActorProbe.ExpectMsgAsync(predicate, timeout, hint);

    public Task<T> ExpectMsgAsync<T>(Action<T> assertion, TimeSpan? timeout = null) => TestActorProbe.ExpectMsgAsync(assertion, timeout);

    public Task<T> ExpectMsgFromAsync<T>(IActorRef sender, TimeSpan? timeout = null) => TestActorProbe.ExpectMsgFromAsync<T>(sender, timeout);

    public Task<T> ExpectMsgFromAsync<T>(IActorRef sender, T expected, TimeSpan? timeout = null) where T : notnull =>
        TestActorProbe.ExpectMsgFromAsync(sender, expected, timeout);

    public Task ExpectNoMsgAsync() => TestActorProbe.ExpectNoMsgAsync();

    public Task ExpectNoMsgAsync(TimeSpan duration) => TestActorProbe.ExpectNoMsgAsync(duration);

    public Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null) => TestActorProbe.ReceiveNAsync(count, timeout);

    public Task<T> FishForMessageAsync<T>(Predicate<T> isTarget, TimeSpan? timeout = null) => TestActorProbe.FishForMessageAsync(isTarget, timeout);

    public Task WatchAsync(IActorRef subject) => TestActorProbe.WatchAsync(subject);

    public Task<Terminated> ExpectTerminatedAsync(IActorRef subject, TimeSpan? timeout = null) => TestActorProbe.ExpectTerminatedAsync(subject, timeout);

    /// <summary>Runs <paramref name="body"/>; every wait inside is cut to the block's budget, and the block fails if it overran <paramref name="max"/> (dilated).</summary>
    public Task WithinAsync(TimeSpan max, Func<Task> body) => WithinAsync(TimeSpan.Zero, max, body);

    public Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> body) =>
        Within.RunAsync(min, max, Settings.Dilation, _driver?.SeedNote, async () => { await body().ConfigureAwait(false); return true; });

    public Task<T> WithinAsync<T>(TimeSpan max, Func<Task<T>> body) => Within.RunAsync(TimeSpan.Zero, max, Settings.Dilation, _driver?.SeedNote, body);

    /// <summary>Retries <paramref name="assertion"/> until it passes, letting the system run in between.</summary>
    public Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        Await.AssertAsync(Driver, assertion, duration, interval);

    public Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        Await.AssertAsync(Driver, assertion, duration, interval);

    /// <summary>Waits until <paramref name="condition"/> holds, letting the system run in between.</summary>
    public Task AwaitConditionAsync(Func<bool> condition, TimeSpan? duration = null, string? what = null, TimeSpan? interval = null) =>
        Await.ConditionAsync(Driver, condition, duration, interval, what);
}
