using AIBridge.Application.Gateway.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace AIBridge.UnitTests.Gateway;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly List<(CircuitState From, CircuitState To)> _changes = [];
    private readonly CircuitBreaker _breaker;

    public CircuitBreakerTests() => _breaker = new CircuitBreaker(
        new CircuitBreakerSettings { Enabled = true, FailureThreshold = 3, Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(30), MaxRequests = 2 },
        _clock, (from, to) => _changes.Add((from, to)));

    [Fact]
    public void Consecutive_failures_open_it_and_a_success_between_them_starts_the_count_again()
    {
        Fail(2);
        Succeed();
        Fail(2);
        _breaker.State.Should().Be(CircuitState.Closed);

        Fail(1);

        _breaker.State.Should().Be(CircuitState.Open);
        _breaker.TryPass().Should().BeNull();
        _changes.Should().Equal((CircuitState.Closed, CircuitState.Open));
    }

    [Fact]
    public void Failures_further_apart_than_the_interval_do_not_add_up()
    {
        Fail(2);
        _clock.Advance(TimeSpan.FromSeconds(11));
        Fail(2);

        _breaker.State.Should().Be(CircuitState.Closed);
    }

    [Fact]
    public void After_the_timeout_it_lets_max_requests_probes_through_and_their_successes_close_it()
    {
        Fail(3);
        _clock.Advance(TimeSpan.FromSeconds(30));

        var probes = new[] { _breaker.TryPass(), _breaker.TryPass() };
        _breaker.State.Should().Be(CircuitState.HalfOpen);
        _breaker.TryPass().Should().BeNull("only MaxRequests probes go through while half-open");
        foreach (var probe in probes)
        {
            _breaker.Report(probe!.Value, failed: false);
        }

        _breaker.State.Should().Be(CircuitState.Closed);
        _changes.Should().Equal((CircuitState.Closed, CircuitState.Open), (CircuitState.Open, CircuitState.HalfOpen), (CircuitState.HalfOpen, CircuitState.Closed));
    }

    [Fact]
    public void A_failed_probe_opens_it_again_for_another_timeout()
    {
        Fail(3);
        _clock.Advance(TimeSpan.FromSeconds(30));

        Fail(1);

        _breaker.State.Should().Be(CircuitState.Open);
        _clock.Advance(TimeSpan.FromSeconds(29));
        _breaker.TryPass().Should().BeNull();
    }

    [Fact]
    public void A_request_let_through_before_it_opened_cannot_change_what_it_does_next()
    {
        var early = _breaker.TryPass()!.Value;
        Fail(3);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var probe = _breaker.TryPass()!.Value;

        _breaker.Report(early, failed: true);

        _breaker.State.Should().Be(CircuitState.HalfOpen);
        _breaker.Report(probe, failed: false);
        _breaker.State.Should().Be(CircuitState.HalfOpen, "one success of two");
    }

    private void Fail(int times) => Report(times, failed: true);

    private void Succeed() => Report(1, failed: false);

    private void Report(int times, bool failed)
    {
        for (var i = 0; i < times; i++)
        {
            _breaker.Report(_breaker.TryPass()!.Value, failed);
        }
    }
}
