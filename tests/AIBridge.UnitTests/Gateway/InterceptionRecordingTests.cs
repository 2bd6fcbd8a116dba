using AIBridge.Application.Gateway.Parsing;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;

namespace AIBridge.UnitTests.Gateway;

public sealed class InterceptionRecordingTests
{
    /// <summary>What the recording hands the recorder, in order.</summary>
    private sealed class RecorderLog : IRecorder
    {
        public List<string> Events { get; } = [];

        public List<RecordedItem> Items { get; } = [];

        public bool Enqueue(RecordedItem item)
        {
            Items.Add(item);
            Events.Add(item.GetType().Name);
            return true;
        }

        public void CountParseAbandoned() => Events.Add("abandoned");

        public long BeginResponse(Guid initiatorId, DateTime interceptionStartedAt)
        {
            Events.Add("begin");
            return 42;
        }

        public void EndResponse(long ticket) => Events.Add($"end {ticket}");
    }

    /// <summary>
    /// The writer may wait for a response's calls from the moment its whole body was relayed (not while
    /// it streams) until its end is queued, after the calls (bridge spec §9.9).
    /// </summary>
    [Fact]
    public async Task A_relayed_response_is_open_from_its_last_byte_until_its_calls_and_end_are_queued()
    {
        var log = new RecorderLog();
        var interception = new Interception { Id = Guid.NewGuid(), InitiatorId = Guid.NewGuid(), StartedAt = DateTime.UtcNow.AddSeconds(-1) };
        var recording = new InterceptionRecording(log, TimeProvider.System, interception, "read the readme");
        recording.ResponseStarted();
        var parser = new AnthropicParser(recording);
        recording.Attach(parser);
        using var tap = new ResponseTap(parser, eventStream: true, recording.BodyRelayed);

        tap.Write("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"usage\":{\"input_tokens\":1}}}\n\n"u8);
        tap.Write("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"Read\",\"input\":{}}}\n\n"u8);
        tap.Write("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"u8);
        log.Events.Should().BeEmpty("a response still streaming holds nothing up");

        tap.BodyEnded();
        tap.BodyEnded();
        await tap.CompleteAsync();
        recording.End(InterceptionOutcome.Completed(200));

        log.Events.Should().Equal("begin", nameof(ToolUsageRecorded), nameof(TokenUsageRecorded), nameof(UserPromptRecorded), nameof(InterceptionEnded), "end 42");
        log.Items.OfType<ToolUsageRecorded>().Single().InterceptionStartedAt.Should().Be(interception.StartedAt);
    }

    [Fact]
    public void A_response_that_never_ended_whole_opens_nothing()
    {
        var log = new RecorderLog();
        var recording = new InterceptionRecording(log, TimeProvider.System, new Interception { Id = Guid.NewGuid() }, null);
        recording.ResponseStarted();
        recording.End(InterceptionOutcome.Completed(200));

        log.Events.Should().Equal(nameof(InterceptionEnded));
    }

    [Fact]
    public void A_failed_call_still_records_its_prompt_and_the_providers_error_names_the_failure()
    {
        var log = new RecorderLog();
        var recording = new InterceptionRecording(log, TimeProvider.System, new Interception { Id = Guid.NewGuid() }, "deploy it");
        recording.ResponseStarted();
        var parser = new UpstreamErrorParser(recording);
        parser.OnBody("""{"type":"error","error":{"type":"rate_limit_error","message":"Number of requests exceeded"}}"""u8);
        recording.End(InterceptionOutcome.Failure(429, InterceptionErrors.UpstreamError, "upstream provider answered 429"));

        log.Items.OfType<UserPromptRecorded>().Single().Prompt.Prompt.Should().Be("deploy it");
        log.Items.OfType<InterceptionEnded>().Single().Outcome.Should().Be(
            new InterceptionOutcome(429, InterceptionErrors.UpstreamError, "rate_limit_error: Number of requests exceeded"));
    }

    [Fact]
    public void An_error_event_in_a_started_stream_fails_a_call_that_otherwise_completed()
    {
        var log = new RecorderLog();
        var recording = new InterceptionRecording(log, TimeProvider.System, new Interception { Id = Guid.NewGuid() }, null);
        var parser = new AnthropicParser(recording);
        parser.OnEvent("error", """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""u8);
        recording.End(InterceptionOutcome.Completed(200));

        log.Items.OfType<InterceptionEnded>().Single().Outcome.Should().Be(new InterceptionOutcome(200, InterceptionErrors.UpstreamError, "overloaded_error: Overloaded"));
    }
}
