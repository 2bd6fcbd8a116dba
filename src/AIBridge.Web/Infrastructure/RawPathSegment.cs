using Microsoft.AspNetCore.Http.Features;

namespace AIBridge.Web.Infrastructure;

public static class RawPathSegment
{
    /// <summary>
    /// The last segment of the request target, fully percent-decoded. Routing leaves <c>%2F</c>
    /// encoded in route values (so <c>a%2Fb</c> and <c>a%252Fb</c> would read alike); session ids may
    /// contain a slash, so they are decoded from the raw target instead.
    /// </summary>
    /// <param name="fromEnd">0 for the last segment, 1 for the one before it, and so on.</param>
    public static string? RawLastPathSegment(this HttpContext context, int fromEnd = 0)
    {
        if (context.RawPath() is not { Length: > 0 } path)
        {
            return null;
        }

        var segments = path.Split('/');
        return segments.Length > fromEnd ? Uri.UnescapeDataString(segments[^(fromEnd + 1)]) : null;
    }

    /// <summary>The path of the request target as the client sent it, still encoded: routing has already decoded and normalised <c>Path</c>.</summary>
    public static string? RawPath(this HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target[..query];
    }
}
