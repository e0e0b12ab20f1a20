namespace Ptm.Actors.Tests.HostApi;

/// <summary>M4.5 through the handle API: the SignalReceived event and the SignalsAsync stream.</summary>
public class TerminalSignalTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task M3_8_a_resize_from_the_manager_raises_sigwinch_on_the_subsidiary()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        var received = new TaskCompletionSource<Signal>(TaskCreationOptions.RunContinuationsAsynchronously);
        terminal.Subsidiary.SignalReceived += (sender, e) =>
        {
            Assert.Same(terminal.Subsidiary, sender);
            received.TrySetResult(e.Signal);
        };
        await terminal.Manager.ResizeAsync(24, 80);
        Assert.Equal(Signal.SIGWINCH, await received.Task.WaitAsync(Safety));
    }

    [Fact]
    public async Task M4_5_isig_characters_arrive_on_the_stream_in_the_order_typed()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        using var cancel = new CancellationTokenSource(Safety);
        var signals = terminal.Subsidiary.SignalsAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        await terminal.Manager.WriteAsync("\x03\x1c\x1a"u8.ToArray()); // INTR, QUIT, SUSP
        var seen = new List<Signal>();
        while (seen.Count < 3 && await signals.MoveNextAsync()) seen.Add(signals.Current);
        Assert.Equal([Signal.SIGINT, Signal.SIGQUIT, Signal.SIGTSTP], seen);
        await signals.DisposeAsync();
    }

    [Fact]
    public async Task M4_5_a_signal_recorded_before_anyone_listened_is_delivered_to_the_first_listener()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        await terminal.Subsidiary.ResizeAsync(24, 80); // recorded before the ack returns (M3.5)
        await foreach (var signal in terminal.Subsidiary.SignalsAsync().WithCancellation(new CancellationTokenSource(Safety).Token))
        {
            Assert.Equal(Signal.SIGWINCH, signal);
            break;
        }
    }

    [Fact]
    public async Task M4_5_every_stream_and_handler_sees_every_signal()
    {
        await using var system = PtySystem.Create();
        await using var terminal = await system.OpenTerminalAsync();
        using var cancel = new CancellationTokenSource(Safety);
        var first = terminal.Subsidiary.SignalsAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var second = terminal.Subsidiary.SignalsAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var firstNext = first.MoveNextAsync().AsTask();
        var secondNext = second.MoveNextAsync().AsTask();
        var byEvent = new TaskCompletionSource<Signal>(TaskCreationOptions.RunContinuationsAsynchronously);
        terminal.Subsidiary.SignalReceived += (_, e) => byEvent.TrySetResult(e.Signal);
        await terminal.Manager.WriteAsync("\x03"u8.ToArray());
        Assert.True(await firstNext && await secondNext);
        Assert.Equal(Signal.SIGINT, first.Current);
        Assert.Equal(Signal.SIGINT, second.Current);
        Assert.Equal(Signal.SIGINT, await byEvent.Task.WaitAsync(Safety));
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task M4_5_closing_the_manager_records_sighup_on_the_terminal_and_closing_the_subsidiary_ends_its_stream()
    {
        await using var system = PtySystem.Create();
        var terminal = await system.OpenTerminalAsync();
        using var cancel = new CancellationTokenSource(Safety);
        var signals = terminal.Subsidiary.SignalsAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = signals.MoveNextAsync().AsTask();
        await terminal.Manager.DisposeAsync(); // L14: the subsidiary is hung up, a terminal's hang-up is a SIGHUP
        Assert.True(await next);
        Assert.Equal(Signal.SIGHUP, signals.Current);
        next = signals.MoveNextAsync().AsTask();
        await terminal.Subsidiary.DisposeAsync();
        Assert.False(await next);
        await signals.DisposeAsync();
    }

    [Fact]
    public async Task The_stream_of_a_closed_handle_is_empty()
    {
        await using var system = PtySystem.Create();
        var manager = await system.OpenManagerAsync();
        await manager.DisposeAsync();
        Assert.Empty(await Collect(manager, new CancellationTokenSource(Safety).Token).WaitAsync(Safety));
    }

    [Fact]
    public async Task Closing_the_handle_ends_a_waiting_stream()
    {
        await using var system = PtySystem.Create();
        var manager = await system.OpenManagerAsync();
        var collected = Collect(manager, new CancellationTokenSource(Safety).Token);
        await system.WhenIdleAsync();
        Assert.False(collected.IsCompleted);
        await manager.DisposeAsync();
        Assert.Empty(await collected.WaitAsync(Safety));
    }

    [Fact]
    public async Task Cancelling_a_waiting_stream_ends_it_with_OperationCanceledException()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync();
        using var cancel = new CancellationTokenSource();
        var collected = Collect(manager, cancel.Token);
        await system.WhenIdleAsync();
        Assert.False(collected.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collected.WaitAsync(Safety));
    }

    private static async Task<List<Signal>> Collect(PtyHandle handle, CancellationToken cancellationToken)
    {
        var signals = new List<Signal>();
        await foreach (var signal in handle.SignalsAsync(cancellationToken)) signals.Add(signal);
        return signals;
    }
}
