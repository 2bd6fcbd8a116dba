using System.Text;
using System.Text.Json;
using AIBridge.Application.Common.Buffers;
using AIBridge.Application.Gateway.Errors;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>
/// Makes a streaming Chat Completions request ask for usage: only
/// <c>stream_options.include_usage</c> changes; every other byte of the body is kept as sent.
/// </summary>
public static class ChatStreamOptions
{
    private static readonly byte[] Member = "\"stream_options\":{\"include_usage\":true}"u8.ToArray();
    private static readonly byte[] Object = """{"include_usage":true}"""u8.ToArray();
    private static readonly byte[] IncludeUsage = "\"include_usage\":true"u8.ToArray();

    /// <summary>
    /// Replaces <paramref name="body"/> with a copy that requests usage, returning the old buffer to the
    /// pool; or the refusal when its <c>stream_options</c> cannot be walked. <paramref name="parts"/> are
    /// the body's, as its inspection found them.
    /// </summary>
    public static GatewayError? RequestUsage(ref PooledBuffer body, RequestParts parts)
    {
        var spliced = new PooledBuffer();
        try
        {
            RequestUsage(body.Written, parts, spliced);
        }
        catch (JsonException e)
        {
            spliced.Dispose();
            return GatewayError.InvalidJson(e.Message);
        }

        (body, spliced) = (spliced, body);
        spliced.Dispose();
        return null;
    }

    /// <summary>
    /// Writes the body with usage requested to <paramref name="into"/>. A <c>stream_options</c> object
    /// that cannot be walked is a <see cref="JsonException"/>.
    /// </summary>
    public static void RequestUsage(ReadOnlySpan<byte> body, RequestParts parts, PooledBuffer into)
    {
        if (parts.StreamOptions is not { } options)
        {
            // Absent: a member before the object's closing brace.
            Splice(body, parts.Close, parts.Close, parts.HasMembers ? [(byte)',', .. Member] : Member, into);
            return;
        }

        var (start, length) = options.GetOffsetAndLength(body.Length);
        if (body[start] != '{')
        {
            Splice(body, start, start + length, Object, into);
        }
        else
        {
            SetIncludeUsage(body, start, into);
        }
    }

    private static void SetIncludeUsage(ReadOnlySpan<byte> body, int objectStart, PooledBuffer into)
    {
        (int Start, int End)? includeUsage = null;
        var members = new JsonMembers(body, objectStart, 2);
        var empty = true;
        while (members.Next())
        {
            empty = false;
            if (members.NameIs("include_usage"u8))
            {
                includeUsage = members.SkipValue();
            }
        }

        if (includeUsage is { } value)
        {
            Splice(body, value.Start, value.End, "true"u8, into);
        }
        else
        {
            Splice(body, objectStart + 1, objectStart + 1, empty ? IncludeUsage : [.. IncludeUsage, (byte)','], into);
        }
    }

    private static void Splice(ReadOnlySpan<byte> body, int start, int end, ReadOnlySpan<byte> replacement, PooledBuffer into)
    {
        into.Append(body[..start]);
        into.Append(replacement);
        into.Append(body[end..]);
    }

    /// <summary>For tests and logs.</summary>
    public static string RequestUsage(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var into = new PooledBuffer();
        RequestUsage(bytes, RequestParts.Find(BridgedApi.ChatCompletions, bytes), into);
        return Encoding.UTF8.GetString(into.Written);
    }
}
