using AIBridge.Infrastructure.Recording;

namespace AIBridge.UnitTests.Recording;

public sealed class ChangeSignalTests
{
    [Fact]
    public void A_pulse_completes_the_task_a_waiter_took_and_the_next_one_waits_again()
    {
        var signal = new ChangeSignal();
        using var waiter = signal.Wait();
        var taken = signal.Next;

        signal.Pulse();

        taken.IsCompleted.Should().BeTrue();
        signal.Next.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public void Without_a_waiter_a_pulse_changes_nothing()
    {
        var signal = new ChangeSignal();
        var before = signal.Next;
        using (signal.Wait())
        {
        }

        signal.Pulse();

        signal.Next.Should().BeSameAs(before);
        before.IsCompleted.Should().BeFalse();
    }
}
