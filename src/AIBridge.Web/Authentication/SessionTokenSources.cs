namespace AIBridge.Web.Authentication;

/// <summary>
/// Where the API reads a token from. Decision: header, cookie, query, then <c>Authorization: Bearer</c>;
/// the first non-empty source wins even when its token is invalid.
/// </summary>
public static class SessionTokenSources
{
    public const string HeaderName = "Coder-Session-Token";
    public const string CookieName = "coder_session_token";
    public const string QueryName = "coder_session_token";

    public static string? Find(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (!string.IsNullOrEmpty(header))
        {
            return header;
        }

        if (request.Cookies.TryGetValue(CookieName, out var cookie) && !string.IsNullOrEmpty(cookie))
        {
            return cookie;
        }

        var query = request.Query[QueryName].ToString();
        if (!string.IsNullOrEmpty(query))
        {
            return query;
        }

        return BearerToken(request.Headers.Authorization.ToString());
    }

    /// <summary><c>Bearer &lt;token&gt;</c>, scheme case-insensitive; anything else is no token.</summary>
    public static string? BearerToken(string authorization)
    {
        var parts = authorization.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
    }
}
