using AIBridge.Web.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace AIBridge.UnitTests.Gateway;

public sealed class IdleTimeoutTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Without_progress_the_token_is_cancelled_when_the_timeout_has_passed()
    {
        using var timeout = new IdleTimeout(TimeSpan.FromSeconds(2), _clock);

        _clock.Advance(TimeSpan.FromMilliseconds(1999));
        timeout.Expired.Should().BeFalse();
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        timeout.Expired.Should().BeTrue();
        timeout.Token.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public void Each_progress_restarts_the_timeout_from_that_moment()
    {
        using var timeout = new IdleTimeout(TimeSpan.FromSeconds(2), _clock);

        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1.5));
            timeout.Progress();
        }

        timeout.Expired.Should().BeFalse("no gap between two steps reached the timeout, though 15 s passed in all");
        _clock.Advance(TimeSpan.FromSeconds(1.9));
        timeout.Expired.Should().BeFalse();
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        timeout.Expired.Should().BeTrue();
    }
}
