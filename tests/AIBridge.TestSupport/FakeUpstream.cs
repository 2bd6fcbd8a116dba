using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AIBridge.TestSupport;

/// <summary>A request as the fake provider received it.</summary>
public sealed record UpstreamRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A provider on a real Kestrel loopback port, speaking whatever wire format a test scripts:
/// server-sent events with optional pauses, JSON bodies, error statuses, dropped connections.
/// </summary>
/// <param name="keepRequests">
/// Whether each request is kept for assertions (<see cref="Requests"/>); a benchmark turns it off, since
/// it sends hundreds of thousands and only the answers matter.
/// </param>
public sealed class FakeUpstream(bool keepRequests = true) : IAsyncDisposable
{
    private readonly WebApplication _app = Build();
    private Func<HttpContext, Task> _respond = context => { context.Response.StatusCode = 500; return Task.CompletedTask; };

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = null; // a provider takes whatever the gateway lets through
        });
        return builder.Build();
    }

    public ConcurrentQueue<UpstreamRequest> Requests { get; } = new();

    /// <summary>Requests whose response was cut short because the caller went away.</summary>
    public ConcurrentQueue<UpstreamRequest> Cancelled { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public async Task StartAsync()
    {
        _app.Run(HandleAsync);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Forgets earlier requests; until told otherwise, answers 500.</summary>
    public void Reset() => Respond(context => { context.Response.StatusCode = 500; return Task.CompletedTask; });

    public void Respond(Func<HttpContext, Task> respond)
    {
        Requests.Clear();
        Cancelled.Clear();
        _respond = respond;
    }

    /// <summary>An event stream, written event by event with <paramref name="pause"/> between them.</summary>
    public void RespondWithEvents(string sse, TimeSpan? pause = null)
    {
        var events = SplitEvents(sse).Select(Encoding.UTF8.GetBytes).ToArray();
        Respond(context => WriteEventsAsync(context, events, pause));
    }

    /// <summary>Writes and flushes each event on its own, as providers do, waiting <paramref name="pause"/> after each.</summary>
    public static async Task WriteEventsAsync(HttpContext context, IEnumerable<byte[]> events, TimeSpan? pause = null)
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var e in events)
        {
            await context.Response.Body.WriteAsync(e, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (pause is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, context.RequestAborted);
            }
        }
    }

    public void RespondWithJson(string json, int status = 200, params (string Name, string Value)[] headers) => Respond(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(json, context.RequestAborted);
    });

    public static IEnumerable<string> SplitEvents(string sse)
    {
        var normalized = sse.Replace("\r\n", "\n");
        var parts = normalized.Split("\n\n");
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                yield return parts[i] + "\n\n";
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!keepRequests)
        {
            // Read the request fully, as a provider does before answering.
            await context.Request.Body.CopyToAsync(Stream.Null);
            await _respond(context);
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new UpstreamRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray());
        Requests.Enqueue(request);
        try
        {
            await _respond(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Cancelled.Enqueue(request);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
