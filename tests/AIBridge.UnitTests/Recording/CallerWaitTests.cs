using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;
using AIBridge.Infrastructure.Recording;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AIBridge.UnitTests.Recording;

/// <summary>The wait before a batch whose answer may arrive before its tool call is queued.</summary>
public sealed class CallerWaitTests
{
    private static readonly RecordingOptions Options = new() { MaxLineageWait = TimeSpan.FromSeconds(10) };
    private readonly FakeTimeProvider _clock = new();
    private readonly Guid _user = Guid.NewGuid();

    [Fact]
    public async Task The_batch_waits_while_a_response_is_open_and_goes_on_as_soon_as_the_call_is_queued()
    {
        using var queue = Queue();
        var caller = new Interception { Id = Guid.NewGuid(), InitiatorId = _user, StartedAt = DateTime.UtcNow.AddSeconds(-2) };
        var response = queue.BeginResponse(_user, caller.StartedAt);

        var waiting = Wait(queue, "toolu_1");
        await Task.Delay(50);
        waiting.IsCompleted.Should().BeFalse("the caller's response is open and its call is not queued yet");

        queue.Enqueue(new ToolUsageRecorded(new ToolUsage { Id = Guid.NewGuid(), InterceptionId = caller.Id, ProviderToolCallId = "toolu_1", Input = "{}" })
        {
            InterceptionStartedAt = caller.StartedAt,
        });

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        queue.EndResponse(response);
    }

    [Fact]
    public async Task The_batch_goes_on_when_the_last_open_response_of_its_user_ends()
    {
        using var queue = Queue();
        var response = queue.BeginResponse(_user, DateTime.UtcNow.AddSeconds(-2));

        var waiting = Wait(queue, "toolu_never_made");
        await Task.Delay(50);
        waiting.IsCompleted.Should().BeFalse();

        queue.EndResponse(response);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_batch_waits_no_longer_than_the_configured_bound()
    {
        using var queue = Queue();
        queue.BeginResponse(_user, DateTime.UtcNow.AddSeconds(-2));

        var waiting = Wait(queue, "toolu_never_made");
        await Task.Delay(50);
        _clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        waiting.IsCompleted.Should().BeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Without_an_open_response_of_its_user_the_batch_does_not_wait()
    {
        using var queue = Queue();
        queue.BeginResponse(Guid.NewGuid(), DateTime.UtcNow.AddSeconds(-2));

        Wait(queue, "toolu_never_made").IsCompleted.Should().BeTrue("no response of this user can still make the call");
    }

    private static RecordQueue Queue() => new(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<RecordQueue>.Instance);

    private Task Wait(RecordQueue queue, string callId)
    {
        var answer = new Interception { Id = Guid.NewGuid(), InitiatorId = _user, StartedAt = DateTime.UtcNow };
        return new CallerWait(queue, Options, _clock).ForCallersAsync([new InterceptionStarted(answer, callId)], CancellationToken.None);
    }
}
