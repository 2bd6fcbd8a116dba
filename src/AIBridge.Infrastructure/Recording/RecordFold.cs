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
                    break;
                case InterceptionEnded end when started.TryGetValue(end.InterceptionId, out var interception):
                    end.ApplyTo(interception);
                    break;
                case InterceptionEnded end when endedEarlier.Add(end.InterceptionId):
                    // The first end wins, as in the database: one statement could not say which of two
                    // ends of one row it applied.
                    rows.Ends.Add(end);
                    break;
                case TokenUsageRecorded usage:
                    rows.TokenUsages.Add(usage.Usage);
                    break;
                case UserPromptRecorded prompt:
                    rows.UserPrompts.Add(prompt.Prompt);
                    break;
                case ToolUsageRecorded tool:
                    rows.ToolUsages.Add(tool.Tool);
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
