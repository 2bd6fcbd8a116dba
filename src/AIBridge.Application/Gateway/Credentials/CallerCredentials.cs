namespace AIBridge.Application.Gateway.Credentials;

/// <summary>
/// Where the caller's AIBridge token is and whether BYOK mode applies: the governance
/// header, else <c>Authorization: Bearer</c>, else <c>X-Api-Key</c>, else Azure's <c>api-key</c>.
/// </summary>
/// <param name="Token">The AIBridge token, or null when none was sent.</param>
/// <param name="Byok">The governance header carried the token, so Authorization/X-Api-Key hold the user's provider key.</param>
public sealed record CallerCredentials(string? Token, bool Byok)
{
    public static CallerCredentials From(Func<string, string?> header)
    {
        var governance = header(GatewayHeaders.GovernanceToken);
        if (!string.IsNullOrWhiteSpace(governance))
        {
            return new CallerCredentials(governance.Trim(), Byok: true);
        }

        var token = BearerToken(header(GatewayHeaders.Authorization)) ?? NonBlank(header(GatewayHeaders.ApiKey)) ?? NonBlank(header(GatewayHeaders.AzureApiKey));
        return new CallerCredentials(token, Byok: false);
    }

    /// <summary>Exactly two whitespace-separated fields, the first "Bearer" in any case; anything else is no Bearer.</summary>
    public static string? BearerToken(string? authorization)
    {
        var fields = (authorization ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields is [var scheme, var token] && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? token : null;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
