namespace AIBridge.Application.Gateway.Resilience;

/// <summary>
/// One breaker (a provider's route and model): closed, it counts consecutive failures and opens at the
/// threshold; open, it refuses until its timeout passes; half-open, it lets a few probes through, and
/// closes when they all succeed or opens again at the first failure. Results of requests let through
/// under an earlier state are ignored, so a slow request cannot reopen a breaker that has moved on.
/// </summary>
public sealed class CircuitBreaker(CircuitBreakerSettings settings, TimeProvider clock, Action<CircuitState, CircuitState> changed)
{
    private readonly Lock _lock = new();
    private CircuitState _state = CircuitState.Closed;
    private long _generation;
    private long _until;
    private int _failures;
    private int _probes;
    private int _successes;

    public CircuitState State
    {
        get
        {
            lock (_lock)
            {
                return Current(clock.GetTimestamp());
            }
        }
    }

    /// <summary>Lets a request through and returns its ticket for <see cref="Report"/>, or null: refuse it.</summary>
    public long? TryPass()
    {
        lock (_lock)
        {
            var state = Current(clock.GetTimestamp());
            if (state == CircuitState.Open || (state == CircuitState.HalfOpen && _probes >= settings.MaxRequests))
            {
                return null;
            }

            if (state == CircuitState.HalfOpen)
            {
                _probes++;
            }

            return _generation;
        }
    }

    /// <summary>How a request let through with <paramref name="ticket"/> ended.</summary>
    public void Report(long ticket, bool failed)
    {
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            var state = Current(now);
            if (ticket != _generation)
            {
                return;
            }

            if (failed)
            {
                if (state == CircuitState.HalfOpen || ++_failures >= settings.FailureThreshold)
                {
                    Move(CircuitState.Open, now);
                }
            }
            else if (state == CircuitState.Closed)
            {
                _failures = 0;
            }
            else if (++_successes >= settings.MaxRequests)
            {
                Move(CircuitState.Closed, now);
            }
        }
    }

    /// <summary>The state now, after the timers that ran out since the last call.</summary>
    private CircuitState Current(long now)
    {
        if (_state == CircuitState.Closed && now >= _until)
        {
            // A new counting interval: failures long apart do not add up.
            NewGeneration(now + Ticks(settings.Interval));
        }
        else if (_state == CircuitState.Open && now >= _until)
        {
            Move(CircuitState.HalfOpen, now);
        }

        return _state;
    }

    private void Move(CircuitState to, long now)
    {
        var from = _state;
        _state = to;
        NewGeneration(to switch
        {
            CircuitState.Open => now + Ticks(settings.Timeout),
            CircuitState.Closed => now + Ticks(settings.Interval),
            _ => long.MaxValue,
        });
        changed(from, to);
    }

    private void NewGeneration(long until)
    {
        _generation++;
        (_until, _failures, _probes, _successes) = (until, 0, 0, 0);
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);
}
