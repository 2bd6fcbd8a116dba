using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using AIBridge.TestSupport;

namespace AIBridge.Benchmarks.Peers;

/// <summary>
/// The floor of AIBridge's own stack: Kestrel in front, one pooled <see cref="HttpClient"/> behind, and
/// nothing else (no authentication, inspection, parsing or recording), relaying each chunk as it is
/// read, as AIBridge does. It runs as this tool's <c>kestrel-relay</c> command in its own process.
/// </summary>
public static class KestrelRelay
{
    public const string Command = "kestrel-relay";

    public static async Task<PeerProcess> StartAsync(string upstreamBaseUrl)
    {
        var dir = Directory.CreateTempSubdirectory("aibridge-bench-kestrel-").FullName;
        var port = LoopbackPort.Free();
        return await PeerProcess.StartAsync("kestrel", "dotnet",
            [typeof(KestrelRelay).Assembly.Location, Command, "--upstream", upstreamBaseUrl, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], port, dir);
    }

    /// <summary>The child process: <c>kestrel-relay --upstream URL --port N</c>.</summary>
    public static async Task RunAsync(string[] args)
    {
        string Value(string name) => args.SkipWhile(a => a != name).Skip(1).First();
        var upstream = Value("--upstream");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, int.Parse(Value("--port"), System.Globalization.CultureInfo.InvariantCulture)));
        await using var app = builder.Build();
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None });
        app.Run(context => RelayAsync(context, client, upstream));
        await app.RunAsync();
    }

    private static async Task RelayAsync(HttpContext context, HttpClient client, string upstream)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), upstream + context.Request.Path + context.Request.QueryString)
        {
            Content = new StreamContent(context.Request.Body),
        };
        request.Content.Headers.ContentLength = context.Request.ContentLength;
        if (context.Request.ContentType is { } contentType)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.StartAsync(context.RequestAborted);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            int read;
            while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
