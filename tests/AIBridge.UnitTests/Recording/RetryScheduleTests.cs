using AIBridge.Infrastructure.Recording;
using Microsoft.Extensions.Time.Testing;

namespace AIBridge.UnitTests.Recording;

public sealed class RetryScheduleTests
{
    [Fact]
    public void Waits_double_from_the_first_delay_and_stop_at_the_longest()
    {
        var schedule = new RetrySchedule(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), new FakeTimeProvider(), () => 0.5);

        var waits = Enumerable.Range(0, 6).Select(_ => schedule.Next().TotalMilliseconds).ToList();

        waits.Should().Equal(100, 200, 400, 800, 1000, 1000);
    }

    [Theory]
    [InlineData(0.0, 50)]
    [InlineData(0.999, 149.9)]
    public void Each_wait_is_jittered_between_half_and_one_and_a_half_of_its_step(double random, double expected)
    {
        var schedule = new RetrySchedule(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), new FakeTimeProvider(), () => random);

        schedule.Next().TotalMilliseconds.Should().BeApproximately(expected, 0.001);
    }

    [Fact]
    public async Task A_wait_ends_when_its_time_has_passed_on_the_clock_and_not_before()
    {
        var clock = new FakeTimeProvider();
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), clock, () => 0.5);

        var first = schedule.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(1999));
        first.IsCompleted.Should().BeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await first;

        var second = schedule.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(3));
        second.IsCompleted.Should().BeFalse("the second wait is twice the first");
        clock.Advance(TimeSpan.FromSeconds(1));
        await second;
    }

    [Fact]
    public async Task A_wait_ends_at_once_when_the_writer_is_aborted()
    {
        using var abort = new CancellationTokenSource();
        var schedule = new RetrySchedule(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), new FakeTimeProvider());

        var wait = schedule.WaitAsync(abort.Token);
        await abort.CancelAsync();

        await FluentActions.Awaiting(() => wait).Should().ThrowAsync<OperationCanceledException>();
    }
}
