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

    /// <summary>Why <paramref name="rawPath"/> (the path of the raw request target, still encoded) is refused, or null.</summary>
    public static string? Refusal(string rawPath)
    {
        foreach (var segment in rawPath.Split('/'))
        {
            if (SegmentRefusal(segment) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? SegmentRefusal(string segment)
    {
        var decoded = segment;
        for (var depth = 0; ; depth++)
        {
            if (decoded is "." or "..")
            {
                return "dot segments are not allowed";
            }

            foreach (var c in decoded)
            {
                switch (c)
                {
                    case '\\':
                        return "backslashes are not allowed";
                    case '/' when depth > 0:
                        return "encoded slashes are not allowed";
                    case < ' ' or '\x7f':
                        return "control characters are not allowed";
                }
            }

            if (!decoded.Contains('%', StringComparison.Ordinal))
            {
                return null;
            }

            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                return null;
            }

            if (depth == MaxDecodings)
            {
                return "too many levels of percent-encoding";
            }

            decoded = next;
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
