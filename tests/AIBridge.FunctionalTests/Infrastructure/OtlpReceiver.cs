using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>A span as an OTLP collector received it; ids in lowercase hex, as in <c>traceparent</c>.</summary>
public sealed record ReceivedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, string Scope,
    IReadOnlyDictionary<string, object> Attributes, int StatusCode, IReadOnlyDictionary<string, object> Resource, string Protocol)
{
    public const int KindServer = 2;
    public const int KindClient = 3;
    public const int StatusError = 2;
}

/// <summary>
/// An OpenTelemetry collector's trace receiver on two real loopback listeners: OTLP over gRPC (HTTP/2
/// without TLS) and over http/protobuf. It reads the export requests with protobuf's wire reader
/// (field numbers from opentelemetry-proto's trace.proto) and keeps every span.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private const string GrpcPath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    /// <summary>Base address of the gRPC listener (the exporter adds the service path).</summary>
    public Uri GrpcEndpoint { get; private set; } = null!;

    /// <summary>Base address of the http/protobuf listener.</summary>
    public Uri HttpEndpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var (grpc, http) = (LoopbackPort.Free(), LoopbackPort.Free());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, grpc, listen => listen.Protocols = HttpProtocols.Http2);
            o.Listen(IPAddress.Loopback, http, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost(GrpcPath, receiver.ExportGrpcAsync);
        receiver._app.MapPost("/v1/traces", receiver.ExportHttpAsync);
        await receiver._app.StartAsync();
        (receiver.GrpcEndpoint, receiver.HttpEndpoint) = (new Uri($"http://127.0.0.1:{grpc}"), new Uri($"http://127.0.0.1:{http}"));
        return receiver;
    }

    /// <summary>The spans of one trace, once <paramref name="until"/> holds for them (the exporter sends in batches).</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> TraceAsync(string traceId, Func<IReadOnlyList<ReceivedSpan>, bool> until)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var spans = Spans.Where(s => s.TraceId == traceId).ToList();
            if (until(spans) || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                return spans;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task ExportHttpAsync(HttpContext context)
    {
        Keep(await BodyAsync(context), "http/protobuf");
        context.Response.ContentType = "application/x-protobuf";
    }

    /// <summary>A unary gRPC call: one length-prefixed message each way, and the status in a trailer.</summary>
    private async Task ExportGrpcAsync(HttpContext context)
    {
        var body = await BodyAsync(context);
        Keep(body[5..], "grpc");
        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    private static async Task<byte[]> BodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private void Keep(byte[] request, string protocol)
    {
        foreach (var resourceSpans in Fields(request, 1))
        {
            // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }; Resource { repeated KeyValue attributes = 1; }
            var resource = Fields(resourceSpans, 1).SelectMany(r => Fields(r, 1)).Select(KeyValue).ToDictionary();
            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }; InstrumentationScope { string name = 1; }
                var scope = Fields(scopeSpans, 1).SelectMany(s => Fields(s, 1)).Select(System.Text.Encoding.UTF8.GetString).FirstOrDefault() ?? "";
                foreach (var span in Fields(scopeSpans, 2))
                {
                    Spans.Enqueue(Span(span, scope, resource, protocol));
                }
            }
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        repeated KeyValue attributes = 9; Status status = 15; }; Status { StatusCode code = 3; }
    private static ReceivedSpan Span(byte[] span, string scope, IReadOnlyDictionary<string, object> resource, string protocol)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        int kind = 0, status = 0;
        var attributes = new Dictionary<string, object>();
        var input = new CodedInputStream(span);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 2: spanId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 4: parent = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 5: name = input.ReadString(); break;
                case 6: kind = input.ReadEnum(); break;
                case 9:
                    var (key, value) = KeyValue(input.ReadBytes().ToByteArray());
                    attributes[key] = value;
                    break;
                case 15: status = Fields(input.ReadBytes().ToByteArray(), 3, varint: true).Select(b => (int)b[0]).FirstOrDefault(); break;
                default: input.SkipLastField(); break;
            }
        }

        return new ReceivedSpan(traceId, spanId, parent, name, kind, scope, attributes, status, resource, protocol);
    }

    // KeyValue { string key = 1; AnyValue value = 2; }; AnyValue { string_value = 1; bool_value = 2; int64 int_value = 3; double double_value = 4; }
    private static KeyValuePair<string, object> KeyValue(byte[] pair)
    {
        var input = new CodedInputStream(pair);
        string key = "";
        object value = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                key = input.ReadString();
            }
            else if (WireFormat.GetTagFieldNumber(tag) == 2)
            {
                value = AnyValue(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return new(key, value);
    }

    private static object AnyValue(byte[] any)
    {
        var input = new CodedInputStream(any);
        var tag = input.ReadTag();
        return WireFormat.GetTagFieldNumber(tag) switch
        {
            1 => input.ReadString(),
            2 => input.ReadBool(),
            3 => input.ReadInt64(),
            4 => input.ReadDouble(),
            _ => "",
        };
    }

    /// <summary>The values of one field of a message: each length-delimited value's bytes, or a varint's low byte.</summary>
    private static List<byte[]> Fields(byte[] message, int field, bool varint = false)
    {
        var values = new List<byte[]>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) != field)
            {
                input.SkipLastField();
            }
            else if (varint)
            {
                values.Add([(byte)input.ReadUInt64()]);
            }
            else
            {
                values.Add(input.ReadBytes().ToByteArray());
            }
        }

        return values;
    }
}
