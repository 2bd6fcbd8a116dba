using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;

namespace AIBridge.Infrastructure.Recording;

/// <summary>Folds a batch's records, in queue order, into the rows its transaction writes.</summary>
internal static class RecordFold
{
    /// <param name="place">Resolves a start's thread, before its row is copied.</param>
    /// <remarks>
    /// Rows of starts are copies: a failed attempt must not leave an end applied to the queued start, or
    /// a split retry would write the end before the children it follows.
    /// </remarks>
    public static async Task<RecordBatch> FoldAsync(IReadOnlyList<RecordedItem> records, Func<InterceptionStarted, Task> place)
    {
        var rows = new RecordBatch();
        var started = new Dictionary<Guid, Interception>();
        var endedEarlier = new HashSet<Guid>();
        foreach (var record in records)
        {
            switch (record)
            {
                case InterceptionStarted start:
                    await place(start);
                    var row = start.Interception.Detached();
                    started[start.InterceptionId] = row;
                    rows.Interceptions.Add(row);
                    rows.Usage.Started(start);
                    break;
                case InterceptionEnded end when started.TryGetValue(end.InterceptionId, out var interception):
                    if (end.ApplyTo(interception))
                    {
                        rows.Usage.Ended(end);
                    }

                    break;
                case InterceptionEnded end when endedEarlier.Add(end.InterceptionId):
                    // The first end wins, as in the database: one statement could not say which of two
                    // ends of one row it applied.
                    rows.Ends.Add(end);
                    rows.Usage.Ended(end);
                    break;
                case TokenUsageRecorded usage:
                    rows.TokenUsages.Add(usage.Usage);
                    rows.Usage.Used(usage);
                    break;
                case UserPromptRecorded prompt:
                    rows.UserPrompts.Add(prompt.Prompt);
                    rows.Usage.Prompted(prompt);
                    break;
                case ToolUsageRecorded tool:
                    rows.ToolUsages.Add(tool.Tool);
                    rows.Usage.Called(tool);
                    break;
                case ModelThoughtRecorded thought:
                    rows.ModelThoughts.Add(thought.Thought);
                    break;
                case ApiKeyUsed used when !rows.Touches.TryGetValue(used.KeyId, out var seen) || seen.At < used.At:
                    rows.Touches[used.KeyId] = used;
                    break;
            }
        }

        return rows;
    }
}
