using Microsoft.AspNetCore.Http.Features;

namespace AIBridge.Web.Infrastructure;

public static class RawPathSegment
{
    /// <summary>
    /// The last segment of the request target, fully percent-decoded. Routing leaves <c>%2F</c>
    /// encoded in route values (so <c>a%2Fb</c> and <c>a%252Fb</c> would read alike); session ids may
    /// contain a slash, so they are decoded from the raw target instead.
    /// </summary>
    public static string? RawLastPathSegment(this HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        var path = target.Split('?', 2)[0];
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }
}
