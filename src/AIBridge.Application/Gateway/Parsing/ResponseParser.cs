using System.Text.Json;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>
/// Reads one upstream response for recording: events of a stream as they come, or one JSON body.
/// Runs on a copy of the bytes, off the relay path; a malformed event is skipped, never thrown.
/// </summary>
public abstract class ResponseParser(IResponseSink sink)
{
    protected IResponseSink Sink { get; } = sink;

    /// <summary>The provider's id of the response, <c>""</c> until seen.</summary>
    public string ResponseId { get; protected set; } = "";

    /// <summary>One server-sent event; <paramref name="data"/> is its (joined) data field.</summary>
    public void OnEvent(string? eventName, ReadOnlySpan<byte> data)
    {
        if (!Wants(eventName, data))
        {
            return;
        }

        using var document = JsonRead.TryParse(data);
        if (document is not null)
        {
            OnEvent(eventName, document.RootElement);
        }
    }

    /// <summary>A complete, non-streamed JSON body.</summary>
    public void OnBody(ReadOnlySpan<byte> body)
    {
        using var document = JsonRead.TryParse(body);
        if (document is not null)
        {
            OnBody(document.RootElement);
        }
    }

    /// <summary>The response ended, completely or not: report what is pending (usage, unfinished calls).</summary>
    public abstract void Complete();

    /// <summary>
    /// Whether an event can carry anything recorded. Most of a stream is text deltas, which are relayed
    /// but need no JSON parse; a parser that cannot tell from the name (or a cheap look at the bytes)
    /// keeps the event.
    /// </summary>
    protected virtual bool Wants(string? eventName, ReadOnlySpan<byte> data) => true;

    protected abstract void OnEvent(string? eventName, JsonElement data);

    protected abstract void OnBody(JsonElement body);
}
