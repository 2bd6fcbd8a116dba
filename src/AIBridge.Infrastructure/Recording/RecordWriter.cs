using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The background writers (bridge spec §10), one per partition of <see cref="RecordQueue"/>: each drains
/// its partition in batches, one transaction each (starts with their lineage, then children, then
/// ends), retries transient failures with backoff for as long as it takes, isolates bad records, and
/// flushes the queue on shutdown after the web server has stopped.
/// </summary>
public sealed partial class RecordWriter(
    RecordQueue queue, RecorderDatabase database, IOptions<RecordingOptions> options, ILogger<RecordWriter> logger) : IHostedLifecycleService, IDisposable
{
    private readonly RecordingOptions _options = options.Value;
    private readonly CancellationTokenSource _abort = new();
    private readonly (WriterThread Background, WriterThread CatchUp)? _threads = database.InProcess && options.Value.CatchUpRecords > 0
        ? (new WriterThread("AIBridge recorder (background)", lowestPriority: true), new WriterThread("AIBridge recorder", lowestPriority: false))
        : null;
    private Task _loop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.WhenAll(queue.Readers.Select(reader => Task.Run(() => RunAsync(reader), CancellationToken.None)));
        return Task.CompletedTask;
    }

    /// <summary>Runs after every other service stopped, the web server included: no request can record any more.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        if (await Task.WhenAny(_loop, Task.Delay(_options.ShutdownFlushTimeout, CancellationToken.None)) != _loop)
        {
            await _abort.CancelAsync();
            LogUnflushed(logger, queue.Count);
        }

        await _loop;
    }

    public void Dispose()
    {
        _abort.Dispose();
        _threads?.Background.Dispose();
        _threads?.CatchUp.Dispose();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync(ChannelReader<RecordedItem> reader)
    {
        var batch = new List<RecordedItem>(_options.BatchSize);
        // Each writer's own: one writer's recovery must not announce another's while it still fails.
        var failing = new StrongBox<bool>();
        try
        {
            while (await reader.WaitToReadAsync(_abort.Token))
            {
                await FillAsync(reader, batch);
                await AwaitCallersAsync(batch);
                await WriteOnThreadAsync(batch, failing);
                foreach (var item in batch)
                {
                    queue.Dequeued(item);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            foreach (var item in batch.Concat(Drain(reader)))
            {
                queue.CountDropped(item, "shutdown");
            }
        }
    }

    /// <summary>Takes what is queued, waiting at most <see cref="RecordingOptions.MaxBatchDelay"/> for the batch to fill.</summary>
    private async Task FillAsync(ChannelReader<RecordedItem> reader, List<RecordedItem> batch)
    {
        var started = Stopwatch.GetTimestamp();
        while (batch.Count < _options.BatchSize)
        {
            if (reader.TryRead(out var item))
            {
                batch.Add(item);
                continue;
            }

            var left = _options.MaxBatchDelay - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
            wait.CancelAfter(left);
            try
            {
                if (!await reader.WaitToReadAsync(wait.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!_abort.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Before the batch's transaction opens: while a start in it answers a tool call not known yet and
    /// one of its user's earlier responses has ended but is not recorded yet, waits for its records,
    /// up to <see cref="RecordingOptions.MaxLineageWait"/> for the whole batch.
    /// </summary>
    private async Task AwaitCallersAsync(List<RecordedItem> batch)
    {
        var waitedSince = 0L;
        foreach (var item in batch)
        {
            if (item is not InterceptionStarted { CorrelatingToolCallId: { } callId, Interception: var interception })
            {
                continue;
            }

            while (queue.RecentCalls.FindCall(callId, interception.StartedAt) is null
                   && queue.Responding.AnyOpen(interception.InitiatorId, interception.StartedAt))
            {
                waitedSince = waitedSince == 0 ? Stopwatch.GetTimestamp() : waitedSince;
                if (Stopwatch.GetElapsedTime(waitedSince) >= _options.MaxLineageWait)
                {
                    return;
                }

                await Task.Delay(2, _abort.Token);
            }
        }
    }

    private Task WriteOnThreadAsync(List<RecordedItem> batch, StrongBox<bool> failing) =>
        ThreadFor(queue.Count) is { } thread ? thread.RunAsync(() => WriteWithRetryAsync(batch, failing)) : WriteWithRetryAsync(batch, failing);

    /// <summary>
    /// With an in-process database, the background thread while the backlog is small and the catch-up
    /// thread once <paramref name="queued"/> (which still counts the batch at hand) reaches
    /// <see cref="RecordingOptions.CatchUpRecords"/>; none with a server database, which does its work
    /// in its own processes.
    /// </summary>
    internal WriterThread? ThreadFor(long queued) =>
        _threads is not { } threads ? null : queued >= _options.CatchUpRecords ? threads.CatchUp : threads.Background;

    private async Task WriteWithRetryAsync(IReadOnlyList<RecordedItem> batch, StrongBox<bool> failing)
    {
        var delay = _options.RetryInitialDelay;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await WriteAsync(batch);
                queue.Metrics.BatchSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                foreach (var item in batch)
                {
                    queue.Metrics.Written.Add(1, RecordQueue.Tags(item));
                }

                if (failing.Value)
                {
                    failing.Value = false;
                    LogRecovered(logger);
                }

                return;
            }
            catch (Exception e) when (DatabaseErrors.IsPermanent(e))
            {
                if (batch.Count == 1)
                {
                    LogRejected(logger, e, batch[0].InterceptionId, batch[0].GetType().Name);
                    queue.CountDropped(batch[0], "rejected");
                    return;
                }

                // Isolate the bad records; the rest are written.
                var half = batch.Count / 2;
                await WriteWithRetryAsync(batch.Take(half).ToList(), failing);
                await WriteWithRetryAsync(batch.Skip(half).ToList(), failing);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !_abort.IsCancellationRequested)
            {
                if (!failing.Value)
                {
                    failing.Value = true;
                    LogFailing(logger, e, batch.Count);
                }

                queue.Metrics.Retries.Add(1);
                var jittered = delay * (0.5 + Random.Shared.NextDouble());
                await Task.Delay(jittered, _abort.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaxDelay.Ticks));
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<RecordedItem> batch)
    {
        await using var db = database.CreateContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(_abort.Token);
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqliteConnection)
        {
            SqliteBulkInsert.Configure(sqliteConnection);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(_abort.Token);

        // Rows are copies: a failed attempt must not leave an end applied to the queued start, or a split
        // retry would write the end before the children it follows.
        var started = new Dictionary<Guid, Interception>();
        var endedEarlier = new HashSet<Guid>();
        var touches = new Dictionary<string, ApiKeyUsed>(StringComparer.Ordinal);
        var rows = new RecordBatch();
        foreach (var item in batch)
        {
            switch (item)
            {
                case InterceptionStarted start:
                    await ResolveLineageAsync(db, start);
                    var row = start.Interception.Detached();
                    started[start.InterceptionId] = row;
                    rows.Interceptions.Add(row);
                    break;
                case InterceptionEnded end when started.TryGetValue(end.InterceptionId, out var interception):
                    if (interception.EndedAt is null)
                    {
                        interception.EndedAt = end.EndedAt;
                        interception.CredentialHint = end.CredentialHint ?? interception.CredentialHint;
                        interception.StatusCode = end.Outcome?.StatusCode;
                        interception.ErrorType = end.Outcome?.ErrorType;
                        interception.ErrorMessage = end.Outcome?.ErrorMessage;
                    }

                    break;
                case InterceptionEnded end when endedEarlier.Add(end.InterceptionId):
                    // The first end wins, as in the database (only while ended_at is NULL): one statement
                    // could not say which of two ends of one row it applied.
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
                case ApiKeyUsed used when !touches.TryGetValue(used.KeyId, out var seen) || seen.At < used.At:
                    touches[used.KeyId] = used;
                    break;
            }
        }

        var connection = db.Database.GetDbConnection();
        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            await using var writer = new PostgresBulkInsert(postgres);
            await RecordTables.WriteAsync(writer, rows, _abort.Token);
        }
        else if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            await RecordTables.WriteAsync(new SqliteBulkInsert(sqlite, transaction.GetDbTransaction() as Microsoft.Data.Sqlite.SqliteTransaction), rows, _abort.Token);
        }
        else
        {
            db.Interceptions.AddRange(rows.Interceptions);
            db.TokenUsages.AddRange(rows.TokenUsages);
            db.UserPrompts.AddRange(rows.UserPrompts);
            db.ToolUsages.AddRange(rows.ToolUsages);
            db.ModelThoughts.AddRange(rows.ModelThoughts);
            await db.SaveChangesAsync(_abort.Token);
            foreach (var end in rows.Ends)
            {
                var outcome = end.Outcome ?? new InterceptionOutcome(null);
                await RecordingQueries.Open(db, end.InterceptionId).ExecuteUpdateAsync(
                    s => s.SetProperty(i => i.EndedAt, end.EndedAt).SetProperty(i => i.CredentialHint, i => end.CredentialHint ?? i.CredentialHint)
                        .SetProperty(i => i.StatusCode, outcome.StatusCode).SetProperty(i => i.ErrorType, outcome.ErrorType)
                        .SetProperty(i => i.ErrorMessage, outcome.ErrorMessage), _abort.Token);
            }
        }

        foreach (var touch in touches.Values)
        {
            await ApiKeyQueries.ById(db, touch.KeyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsed, touch.At), _abort.Token);
            await UserQueries.ById(db, touch.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSeenAt, touch.At), _abort.Token);
        }

        await transaction.CommitAsync(_abort.Token);
    }

    /// <summary>
    /// Bridge spec §9.9: the interception whose response made the correlating tool call is the parent;
    /// its root (or itself) is the root. Memory first (calls may still be queued), then the database.
    /// </summary>
    private async Task ResolveLineageAsync(AIBridgeDbContext db, InterceptionStarted start)
    {
        var interception = start.Interception;
        ThreadParentRow? parent = null;
        if (start.CorrelatingToolCallId is { } callId)
        {
            if (queue.RecentCalls.FindCall(callId, interception.StartedAt) is { } parentId && parentId != interception.Id)
            {
                parent = queue.RecentCalls.FindRoot(parentId) is { } root
                    ? new ThreadParentRow(parentId, root == parentId ? null : root)
                    : await RecordingQueries.ThreadOf(db, parentId).FirstOrDefaultAsync(_abort.Token);
            }

            parent ??= await RecordingQueries.ToolCallOrigin(db, callId, interception.StartedAt).FirstOrDefaultAsync(_abort.Token);
        }

        interception.ThreadParentId = parent?.Id;
        interception.ThreadRootId = parent?.RootId;
        interception.SessionId = Interception.DeriveSessionId(interception.ClientSessionId, interception.ThreadRootId, interception.Id);
        queue.RecentCalls.SetRoot(interception.Id, interception.ThreadRootId ?? interception.Id);
    }

    private static IEnumerable<RecordedItem> Drain(ChannelReader<RecordedItem> reader)
    {
        while (reader.TryRead(out var item))
        {
            yield return item;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording a batch of {Count} record(s) failed; retrying with backoff until the database is back")]
    private static partial void LogFailing(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording recovered: the database accepts writes again")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording rejected a {Kind} record of interception {InterceptionId}; dropped")]
    private static partial void LogRejected(ILogger logger, Exception exception, Guid interceptionId, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording could not flush {Count} queued record(s) before shutdown; they are lost")]
    private static partial void LogUnflushed(ILogger logger, long count);
}
