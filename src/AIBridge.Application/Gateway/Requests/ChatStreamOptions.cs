using System.Text;
using System.Text.Json;
using AIBridge.Application.Common.Buffers;
using AIBridge.Application.Gateway.Errors;

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
    /// pool; or the refusal when its <c>stream_options</c> cannot be walked.
    /// </summary>
    public static GatewayError? RequestUsage(ref PooledBuffer body)
    {
        var spliced = new PooledBuffer();
        try
        {
            RequestUsage(body.Written, spliced);
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
    /// Writes the body with usage requested to <paramref name="into"/>; <paramref name="body"/> must be a
    /// JSON object that <see cref="RequestInspection"/> accepted. A <c>stream_options</c> object it cannot
    /// walk is a <see cref="JsonException"/>.
    /// </summary>
    public static void RequestUsage(ReadOnlySpan<byte> body, PooledBuffer into)
    {
        // The last stream_options counts, as in a parsed document.
        (int Start, int End)? options = null;
        var members = new JsonMembers(body, JsonOutline.SkipWhitespace(body, 0), 1);
        var empty = true;
        while (members.Next())
        {
            empty = false;
            if (members.NameIs("stream_options"u8))
            {
                options = members.SkipValue();
            }
        }

        if (options is not { } value)
        {
            // Absent: a member before the object's closing brace.
            var close = members.End - 1;
            Splice(body, close, close, empty ? Member : [(byte)',', .. Member], into);
        }
        else if (body[value.Start] != '{')
        {
            Splice(body, value.Start, value.End, Object, into);
        }
        else
        {
            SetIncludeUsage(body, value.Start, into);
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
        using var into = new PooledBuffer();
        RequestUsage(Encoding.UTF8.GetBytes(body), into);
        return Encoding.UTF8.GetString(into.Written);
    }
}
