using System.Buffers;
using System.Text;

namespace AIBridge.Application.Gateway.Routing;

/// <summary>
/// The request path as the gateway trusts it. A path that could mean another path after some
/// server decodes it again (a dot segment, an encoded slash or backslash, at any depth of
/// percent-encoding) is refused, because a passthrough carries the central key: a path that escapes
/// its route reaches upstream endpoints, <c>/v1/messages</c> among them, without being recorded.
/// </summary>
public static class RequestPath
{
    /// <summary>Deeper encodings than this are refused outright: no client encodes a path five times.</summary>
    private const int MaxDecodings = 4;

    private const string Controls = "\0\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f";

    private static readonly SearchValues<char> Forbidden = SearchValues.Create("\\" + Controls);

    /// <summary>Once decoded, a slash is forbidden too: it was encoded in the request.</summary>
    private static readonly SearchValues<char> ForbiddenDecoded = SearchValues.Create("\\/" + Controls);

    /// <summary>Why <paramref name="rawPath"/> (the path of the raw request target, still encoded) is refused, or null.</summary>
    public static string? Refusal(string rawPath)
    {
        foreach (var range in rawPath.AsSpan().Split('/'))
        {
            if (SegmentRefusal(rawPath.AsSpan()[range]) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>Checks the segment as sent, then each decoding of it; only a segment with a percent sign is decoded (and allocated).</summary>
    private static string? SegmentRefusal(ReadOnlySpan<char> segment)
    {
        for (var depth = 0; ; depth++)
        {
            if (segment is "." or "..")
            {
                return "dot segments are not allowed";
            }

            var at = segment.IndexOfAny(depth == 0 ? Forbidden : ForbiddenDecoded);
            if (at >= 0)
            {
                return segment[at] switch
                {
                    '\\' => "backslashes are not allowed",
                    '/' => "encoded slashes are not allowed",
                    _ => "control characters are not allowed",
                };
            }

            if (!segment.Contains('%'))
            {
                return null;
            }

            var next = Uri.UnescapeDataString(segment);
            if (next.AsSpan().SequenceEqual(segment))
            {
                return null;
            }

            if (depth == MaxDecodings)
            {
                return "too many levels of percent-encoding";
            }

            segment = next;
        }
    }

    /// <summary>
    /// <paramref name="decodedPath"/> (decoded once, as routing matched it) encoded again segment by
    /// segment, so the upstream path is built from what was matched and never copied from the request.
    /// </summary>
    public static string Encode(string decodedPath)
    {
        var encoded = new StringBuilder(decodedPath.Length + 8);
        var segments = decodedPath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                encoded.Append('/');
            }

            EncodeSegment(encoded, segments[i]);
        }

        return encoded.ToString();
    }

    /// <summary>RFC 3986 <c>pchar</c>s stay as they are (model ids such as <c>ft:gpt-4o:org::id</c>); everything else is percent-encoded as UTF-8.</summary>
    private static void EncodeSegment(StringBuilder encoded, string segment)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in segment.EnumerateRunes())
        {
            if (rune.IsAscii && IsPathChar((char)rune.Value))
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool IsPathChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@';
}
