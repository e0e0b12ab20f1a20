namespace Ptm.Actors.TestKit.Scenarios;

// Starting calls, waiting for idleness, and the end of a run.
internal sealed partial class ScenarioRun
{
    /// <summary>The descriptor a handle without one passes: a failed open "behaves as a closed
    /// descriptor", so the target answers it as it answers any bad descriptor (EBADF; isatty 0).</summary>
    public const int NoDescriptor = -1;

    /// <summary>Starts the step's call. `stat pts(H)` first resolves the name with ptsname, as a
    /// step of its own (waiting for idleness), so a failure there is reported, not raced.</summary>
    private async Task<(Task<CallResult>? Call, string? Failure)> StartAsync(CallStep call)
    {
        if (call is StatStep { Path: SubsidiaryOf subsidiary })
        {
            var (path, error, failure) = await ResolveSubsidiaryNameAsync(subsidiary.ManagerHandle);
            if (failure is not null) return (null, failure);
            return (error is { } failed ? Task.FromResult(failed) : _target.StatAsync(path!, _who), null);
        }
        if (call is TcsetattrStep tcsetattr) return await StartTcsetattrAsync(tcsetattr);
        return (Start(call), null);
    }

    private Task<CallResult> Start(CallStep call)
    {
        switch (call)
        {
            case OpenStep { Path: LiteralPath literal } open:
                return _target.OpenAsync(literal.Path, open.Flags, _who);
            case OpenStep { Path: SubsidiaryOf subsidiary } open:
                return _target.OpenSubsidiaryOfAsync(FdOf(subsidiary.ManagerHandle), open.Flags, _who);
            case StatStep { Path: LiteralPath literal }:
                return _target.StatAsync(literal.Path, _who);
            case TuneStep tune:
                return _target.TuneAsync(tune.Tunable, tune.Value);
            case ReadAllStep readAll:
                return StartReadAll(readAll);
        }
        var fd = FdOf(HandleOf(call));
        return StartTerminal(call, fd) ?? call switch
        {
            CloseStep => _target.CloseAsync(fd, _who),
            ReadStep read => _target.ReadAsync(fd, read.Count, _who),
            WriteStep write => _target.WriteAsync(fd, write.Data.ToArray(), _who),
            IoctlStep ioctl => _target.IoctlAsync(fd, ioctl.Name, ioctl.Args.ToArray(), _who),
            FlushStep flush => _target.FlushAsync(fd, flush.Bits, _who),
            PollStep => _target.PollAsync(fd, _who),
            GrantptStep => _target.GrantptAsync(fd, _who),
            UnlockptStep => _target.UnlockptAsync(fd, _who),
            PtsnameStep => _target.PtsnameAsync(fd, _who),
            PtsnameRStep ptsnameR => _target.PtsnameRAsync(fd, ptsnameR.BufferLength, _who),
            IsattyStep => _target.IsattyAsync(fd, _who),
            CrashStep => _target.CrashAsync(fd),
            PutmsgStep putmsg => _target.PutmsgAsync(fd, putmsg.Control?.ToArray(), putmsg.Data?.ToArray(), _who),
            GetmsgStep getmsg => _target.GetmsgAsync(fd, getmsg.Count, getmsg.Count, _who),
            _ => throw new InvalidOperationException($"no call for {call.GetType().Name}"),
        };
    }

    private Task<CallResult> StartReadAll(ReadAllStep step)
    {
        var nonBlocking = _names.TryGetValue(step.Handle, out var binding) && binding is OpenHandle { NonBlocking: true };
        var operation = new ReadAllOperation(_target, FdOf(step.Handle), step.Count, nonBlocking, _who);
        operation.Start();
        if (!operation.IsDone) _readAlls.Add(operation);
        return operation.Completion;
    }

    private static bool HasHandle(CallStep call) => call is not (OpenStep or StatStep or TuneStep);

    private static string HandleOf(CallStep call) => call switch
    {
        CloseStep s => s.Handle, ReadStep s => s.Handle, ReadAllStep s => s.Handle, WriteStep s => s.Handle, IoctlStep s => s.Handle,
        FlushStep s => s.Handle, PollStep s => s.Handle, GrantptStep s => s.Handle, UnlockptStep s => s.Handle,
        PtsnameStep s => s.Handle, PtsnameRStep s => s.Handle, IsattyStep s => s.Handle, CrashStep s => s.Handle,
        PutmsgStep s => s.Handle, GetmsgStep s => s.Handle, PayloadIoctlStep s => s.Handle, TcgetattrStep s => s.Handle,
        TcsetattrStep s => s.Handle, WinsizeStep s => s.Handle, SignalsStep s => s.Handle,
        _ => throw new InvalidOperationException($"{call.GetType().Name} has no handle"),
    };

    /// <summary>The descriptor behind a handle name; <see cref="NoDescriptor"/> after a failed open.</summary>
    private int FdOf(string name) =>
        _names.TryGetValue(name, out var binding) && binding is OpenHandle open ? open.Fd : NoDescriptor;

    private async Task<(string? Path, CallResult? Error, string? Failure)> ResolveSubsidiaryNameAsync(string manager)
    {
        var name = _target.PtsnameAsync(FdOf(manager), _who);
        await IdleAsync(name);
        if (!name.IsCompleted) return (null, null, $"blocked: ptsname of '{manager}' (for pts({manager})) is still incomplete once the system is idle");
        var result = Outcome(name);
        if (result.Errno != 0) return (null, result, null);
        if (result.Text is null) return (null, null, $"ptsname of '{manager}' succeeded without a name");
        return (result.Text, null, null);
    }

    /// <summary>Waits until the whole system is idle and started `readn`s have made all the
    /// progress they can, so the next look at any call sees everything that will happen.</summary>
    private async Task IdleAsync(Task? focus = null)
    {
        while (true)
        {
            await WithinSafetyNetAsync(focus is null ? _target.WhenIdleAsync() : _target.WhenIdleAsync(TargetCall(focus)));
            var advanced = false;
            for (var i = 0; i < _readAlls.Count; i++)
                advanced |= _readAlls[i].Advance();
            for (var i = _readAlls.Count - 1; i >= 0; i--)
                if (_readAlls[i].IsDone) _readAlls.RemoveAt(i);
            if (!advanced) return;
        }
    }

    /// <summary>Awaits a wait on the target (idleness, a clock advance) unless the safety net runs out first.</summary>
    private async Task WithinSafetyNetAsync(Task wait)
    {
        if (!wait.IsCompleted)
        {
            var remaining = _options.SafetyNet - _clock.Elapsed;
            if (remaining <= TimeSpan.Zero) throw new SafetyNetExpiredException(_options.SafetyNet);
            try
            {
                await wait.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                throw new SafetyNetExpiredException(_options.SafetyNet);
            }
        }
        await wait; // observes a failure of the wait itself
    }

    /// <summary>End of a spec: close every descriptor still open (opens started with `&amp;` and
    /// never awaited included), shut the target down, and fail on leftovers.</summary>
    private async Task<string?> FinishAsync()
    {
        string? failure = null;
        await IdleAsync(); // opens started with & may still be on their way
        _stepsTraceLength ??= _target.Trace.Count; // what follows is the runner's clean-up, not the spec's interleaving
        while (failure is null)
        {
            foreach (var (call, name) in _startedOpens)
                if (call.IsCompletedSuccessfully && call.Result is { Errno: 0 } opened && !IsOpen((int)opened.Value))
                    _openFds.Add(((int)opened.Value, name));
            _startedOpens.Clear();
            if (_openFds.Count == 0) break;
            var (fd, handle) = _openFds[0];
            _openFds.RemoveAt(0);
            var close = _target.CloseAsync(fd, ScenarioCredentials.Root);
            await IdleAsync(close);
            if (!close.IsCompleted)
                failure = $"blocked: closing '{handle}' (fd {fd}) at the end of the spec is still incomplete once the system is idle";
        }
        await DisposeTargetAsync();
        if (failure is not null) return failure;
        var leftovers = _target.Leftovers;
        return leftovers.Count == 0 ? null : $"expected a clean shutdown, got {string.Join("; ", leftovers)}";
    }

    private async Task DisposeTargetAsync()
    {
        if (_disposed) return;
        _disposed = true;
        var disposal = _target.DisposeAsync().AsTask();
        if (!disposal.IsCompleted)
        {
            var remaining = _options.SafetyNet - _clock.Elapsed;
            if (remaining < TimeSpan.FromSeconds(5)) remaining = TimeSpan.FromSeconds(5); // shutdown gets its own grace
            try
            {
                await disposal.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                throw new SafetyNetExpiredException(_options.SafetyNet);
            }
        }
        await disposal;
    }
}
