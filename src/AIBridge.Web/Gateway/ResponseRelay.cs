using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using AIBridge.Application.Gateway.Parsing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace AIBridge.Web.Gateway;

/// <summary>
/// Relays an upstream response to the client verbatim as it arrives: status and
/// headers, then each chunk written as soon as it is read, with a copy handed to the recording tap.
/// </summary>
public static class ResponseRelay
{
    /// <summary>
    /// Held for the whole response: events are a few hundred bytes, and thousands of long streams at once
    /// each hold one.
    /// </summary>
    private const int BufferSize = 16 * 1024;

    /// <summary>Bytes relayed so far, readable after a failure too.</summary>
    public sealed class Progress
    {
        public long Bytes { get; set; }

        /// <summary>The longest a write to the client took: a slow reader holds the upstream connection open.</summary>
        public TimeSpan SlowestWrite { get; set; }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public static bool IsEventStream(HttpResponseMessage upstream) =>
        string.Equals(upstream.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Sends the status and headers at once, before the first body byte: a model may think for seconds
    /// before its first event, and a client that already has the headers knows its request was taken, as
    /// it would from the provider itself (Kestrel would otherwise hold them until the first write).
    /// </summary>
    public static async Task StartAsync(HttpContext context, HttpResponseMessage upstream)
    {
        var response = context.Response;
        var eventStream = IsEventStream(upstream);
        response.StatusCode = (int)upstream.StatusCode;
        Copy(upstream.Headers.NonValidated, response.Headers, eventStream);
        Copy(upstream.Content.Headers.NonValidated, response.Headers, eventStream);

        if (eventStream)
        {
            if (!response.Headers.ContainsKey("Cache-Control"))
            {
                response.Headers.CacheControl = "no-cache";
            }

            response.Headers["X-Accel-Buffering"] = "no";
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(context.RequestAborted);
    }

    /// <summary>
    /// Values as received: enumerating the typed collections would parse every value (dates, for one)
    /// only to print it again.
    /// </summary>
    private static void Copy(HttpHeadersNonValidated from, IHeaderDictionary to, bool eventStream)
    {
        foreach (var (name, values) in from)
        {
            if (ForwardedHeaders.IsReturned(name, eventStream))
            {
                to[name] = values.Count == 1 ? new StringValues(values.ToString()) : new StringValues([.. values]);
            }
        }
    }

    /// <summary>
    /// Copies the body until the upstream ends, and says how it ended. Each upstream read and each client
    /// write counts as progress: an upstream that stops sending and a client that stops reading are each
    /// cut off after <paramref name="idleTimeout"/> without any, so neither holds the other's connection
    /// open for ever. Faults other than those of the two connections are the caller's.
    /// </summary>
    public static async Task<RelayEnd> CopyBodyAsync(HttpContext context, HttpResponseMessage upstream, ResponseTap? tap, TimeSpan idleTimeout, TimeProvider time,
        Progress progress)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        using var timeout = new IdleTimeout(idleTimeout, time);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        try
        {
            await using var body = await upstream.Content.ReadAsStreamAsync(idle.Token);
            while (true)
            {
                int read;
                try
                {
                    read = await body.ReadAsync(buffer, idle.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
                {
                    return context.RequestAborted.IsCancellationRequested ? RelayEnd.ClientGone
                        : e is OperationCanceledException ? RelayEnd.UpstreamQuiet : RelayEnd.UpstreamBroke;
                }

                timeout.Progress();
                if (read == 0)
                {
                    // End the client's response now: the recording parser may still have work to finish.
                    tap?.BodyEnded();
                    return await CompleteAsync(context);
                }

                // Kestrel sends each write at once; the copy for recording comes after the client's bytes.
                var writeStarted = Stopwatch.GetTimestamp();
                try
                {
                    await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), idle.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    // Kestrel aborts the connection of a cancelled write, so RequestAborted fires either way: the timer says why.
                    return timeout.Expired ? RelayEnd.ClientStalled : RelayEnd.ClientGone;
                }

                timeout.Progress();
                progress.SlowestWrite = Max(progress.SlowestWrite, Stopwatch.GetElapsedTime(writeStarted));
                progress.Bytes += read;
                tap?.Write(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<RelayEnd> CompleteAsync(HttpContext context)
    {
        try
        {
            await context.Response.CompleteAsync();
            return RelayEnd.Completed;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return RelayEnd.ClientGone;
        }
    }
}
