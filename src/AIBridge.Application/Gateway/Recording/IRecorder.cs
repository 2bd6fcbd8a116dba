namespace AIBridge.Application.Gateway.Recording;

/// <summary>
/// The bounded hand-off from requests to the background writer. Enqueueing never blocks and never
/// fails a request: past the bound a record is dropped, logged and counted.
/// </summary>
public interface IRecorder
{
    /// <returns>False when the record was dropped.</returns>
    bool Enqueue(RecordedItem item);

    /// <summary>A response's parser fell too far behind and was given up (the relay carried on).</summary>
    void CountParseAbandoned();

    /// <summary>
    /// A successful response of this interception has been relayed whole and its last bytes are still
    /// being parsed: its client may answer a tool call before the call is queued. Returns the ticket for
    /// <see cref="EndResponse"/>.
    /// </summary>
    long BeginResponse(Guid initiatorId, DateTime interceptionStartedAt);

    /// <summary>The response's records are all queued (its end among them).</summary>
    void EndResponse(long ticket);
}
