using System.Text;
using System.Text.Json;

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

    /// <summary>The body with usage requested; <paramref name="body"/> must be a JSON object.</summary>
    public static byte[] RequestUsage(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = GatewayJson.MaxDepth });
        reader.Read(); // the top-level StartObject
        var lastMemberEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStreamOptions = NameIs(ref reader, "stream_options"u8);
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            if (isStreamOptions)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    return Splice(body, valueStart, (int)reader.BytesConsumed, Object);
                }

                return SetIncludeUsage(body, ref reader);
            }

            reader.Skip();
            lastMemberEnd = (int)reader.BytesConsumed;
        }

        // Absent: append a member before the object's closing brace.
        var close = (int)reader.TokenStartIndex;
        var insert = lastMemberEnd < 0 ? Member : [(byte)',', .. Member];
        return Splice(body, close, close, insert);
    }

    private static byte[] SetIncludeUsage(ReadOnlySpan<byte> body, ref Utf8JsonReader reader)
    {
        var objectStart = (int)reader.TokenStartIndex;
        var depth = reader.CurrentDepth;
        var empty = true;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                empty = false;
                var isIncludeUsage = NameIs(ref reader, "include_usage"u8);
                reader.Read();
                var valueStart = (int)reader.TokenStartIndex;
                reader.Skip();
                if (isIncludeUsage)
                {
                    return Splice(body, valueStart, (int)reader.BytesConsumed, "true"u8);
                }
            }
        }

        var insert = empty ? IncludeUsage : [.. IncludeUsage, (byte)','];
        return Splice(body, objectStart + 1, objectStart + 1, insert);
    }

    private static byte[] Splice(ReadOnlySpan<byte> body, int start, int end, ReadOnlySpan<byte> replacement)
    {
        var result = new byte[body.Length - (end - start) + replacement.Length];
        body[..start].CopyTo(result);
        replacement.CopyTo(result.AsSpan(start));
        body[end..].CopyTo(result.AsSpan(start + replacement.Length));
        return result;
    }

    /// <summary>For tests and logs.</summary>
    /// <summary>A name whose escapes do not decode (an unpaired surrogate) is no name this looks for, and must not fault the request.</summary>
    private static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.SequenceEqual(name);
        }

        try
        {
            return reader.ValueTextEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static string RequestUsage(string body) => Encoding.UTF8.GetString(RequestUsage(Encoding.UTF8.GetBytes(body)));
}
