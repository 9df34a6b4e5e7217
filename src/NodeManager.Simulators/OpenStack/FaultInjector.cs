using System.Collections.Concurrent;

namespace NodeManager.Simulators.OpenStack;

/// <summary>Per-operation faults, changeable at runtime; also counts requests per operation and those in flight.</summary>
internal sealed class FaultInjector(int seed, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, FaultSpec> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly Random _random = new(seed);
    private readonly Lock _randomLock = new();
    private readonly Lock _flightLock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _flightWaiters = [];
    private readonly List<(string Operation, int Count, TaskCompletionSource Reached)> _callWaiters = [];
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);
    public int MaxInFlight { get; private set; }

    public IReadOnlyDictionary<string, FaultSpec> Faults => _faults;
    public IReadOnlyDictionary<string, int> Calls => _calls;

    public void Set(string operation, FaultSpec? spec)
    {
        if (!SimulatorOps.All.Contains(operation))
            throw new ArgumentException($"unknown operation '{operation}'; known: {string.Join(", ", SimulatorOps.All)}", nameof(operation));
        if (spec is null) _faults.TryRemove(operation, out _);
        else _faults[operation] = spec;
    }

    public void Clear() => _faults.Clear();

    /// <summary>Counts one arrived request of <paramref name="operation"/> (before authentication, so refused ones count too).</summary>
    public void Count(string operation)
    {
        var n = _calls.AddOrUpdate(operation, 1, (_, c) => c + 1);
        lock (_flightLock)
            foreach (var waiter in _callWaiters.Where(w => w.Operation == operation && n >= w.Count).ToList())
            {
                _callWaiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
    }

    /// <summary>Completes once <paramref name="count"/> requests of <paramref name="operation"/> have arrived.</summary>
    public Task WhenCalls(string operation, int count)
    {
        lock (_flightLock)
        {
            if (_calls.TryGetValue(operation, out var n) && n >= count) return Task.CompletedTask;
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _callWaiters.Add((operation, count, tcs));
            return tcs.Task;
        }
    }

    /// <summary>Applies hang, latency and error for one call of <paramref name="operation"/>; returns the error to answer with, if any.</summary>
    public async Task<FaultSpec?> ApplyAsync(string operation, CancellationToken ct)
    {
        if (!_faults.TryGetValue(operation, out var spec)) return null;
        if (spec.Hang)
            await Task.Delay(Timeout.InfiniteTimeSpan, time, ct).ConfigureAwait(false);
        var latency = SampleLatency(spec);
        if (latency > TimeSpan.Zero)
            await Task.Delay(latency, time, ct).ConfigureAwait(false);
        return ShouldFail(operation, spec) ? spec : null;
    }

    private TimeSpan SampleLatency(FaultSpec spec)
    {
        if (spec.LatencyMax <= spec.LatencyMin) return spec.LatencyMin;
        lock (_randomLock)
            return spec.LatencyMin + (spec.LatencyMax - spec.LatencyMin) * _random.NextDouble();
    }

    private bool ShouldFail(string operation, FaultSpec spec)
    {
        while (spec.FailNext > 0)
        {
            if (_faults.TryUpdate(operation, spec with { FailNext = spec.FailNext - 1 }, spec)) return true;
            if (!_faults.TryGetValue(operation, out spec!)) return false;
        }
        if (spec.ErrorRate <= 0) return false;
        lock (_randomLock)
            return _random.NextDouble() < spec.ErrorRate;
    }

    public void Enter()
    {
        lock (_flightLock)
        {
            _inFlight++;
            MaxInFlight = Math.Max(MaxInFlight, _inFlight);
            foreach (var waiter in _flightWaiters.Where(w => _inFlight >= w.Count).ToList())
            {
                _flightWaiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }
    }

    public void Leave()
    {
        lock (_flightLock) _inFlight--;
    }

    /// <summary>Completes when at least <paramref name="count"/> requests are in flight at once.</summary>
    public Task WhenInFlight(int count)
    {
        lock (_flightLock)
        {
            if (_inFlight >= count) return Task.CompletedTask;
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flightWaiters.Add((count, tcs));
            return tcs.Task;
        }
    }

    public void ResetCounters()
    {
        lock (_flightLock) MaxInFlight = _inFlight;
        _calls.Clear();
    }
}
