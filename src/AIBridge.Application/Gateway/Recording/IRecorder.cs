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
}
