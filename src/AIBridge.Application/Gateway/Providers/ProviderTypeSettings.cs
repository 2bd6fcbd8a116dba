using System.Text.Json;
using AIBridge.Application.Gateway.Bedrock;
using System.Text.RegularExpressions;

namespace AIBridge.Application.Gateway.Providers;

/// <summary>
/// The type-specific part of a provider: static headers for <c>openai-compat</c>, the <c>api-version</c> for
/// <c>azure</c>. Read from the provider's <c>settings</c> JSON object, whose unknown members are refused so a
/// misspelt setting is not silently ignored.
/// </summary>
public sealed partial record ProviderTypeSettings(IReadOnlyList<KeyValuePair<string, string>> Headers, string? ApiVersion)
{
    /// <summary>A <c>bedrock</c> provider's settings; null for the other types.</summary>
    public BedrockSettings? Bedrock { get; init; }

    public static readonly ProviderTypeSettings None = new([], null);

    /// <summary>Headers the gateway sets itself or that carry credentials: a static header may not replace them.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "X-Api-Key", "api-key", "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Cookie",
        "X-Coder-AI-Governance-Token", "Coder-Session-Token",
    };

    /// <summary>The settings of <paramref name="kind"/>, or the error that names what is wrong with them.</summary>
    public static (ProviderTypeSettings? Settings, string? Error) Parse(string kind, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (None, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return (null, "must be a JSON object");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
            {
                return (None, null);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "must be a JSON object");
            }

            if (kind == ProviderKinds.Bedrock)
            {
                if (root.EnumerateObject().Select(m => m.Name).FirstOrDefault(name => !BedrockSettings.Members.Contains(name)) is { } unknown)
                {
                    return (null, $"\"{unknown}\" is not a setting of type {kind}; it has {string.Join(", ", BedrockSettings.Members.Select(m => $"\"{m}\""))}");
                }

                var (bedrock, bedrockError) = BedrockSettings.Read(root);
                return bedrock is null ? (null, bedrockError) : (None with { Bedrock = bedrock }, null);
            }

            var allowed = kind switch
            {
                ProviderKinds.OpenAICompatible => "headers",
                ProviderKinds.Azure => "api_version",
                _ => null,
            };
            List<KeyValuePair<string, string>> headers = [];
            string? apiVersion = null;
            foreach (var member in root.EnumerateObject())
            {
                if (member.Name != allowed)
                {
                    return (null, allowed is null
                        ? $"has no settings for type {kind}: \"{member.Name}\" is not one"
                        : $"\"{member.Name}\" is not a setting of type {kind}; it has \"{allowed}\"");
                }

                var error = member.Name == "headers" ? ReadHeaders(member.Value, headers) : ReadApiVersion(member.Value, out apiVersion);
                if (error is not null)
                {
                    return (null, error);
                }
            }

            return (new ProviderTypeSettings(headers, apiVersion), null);
        }
    }

    private static string? ReadHeaders(JsonElement value, List<KeyValuePair<string, string>> headers)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return "\"headers\" must be an object of header names to string values";
        }

        foreach (var header in value.EnumerateObject())
        {
            if (!HeaderName().IsMatch(header.Name))
            {
                return $"\"headers\": \"{header.Name}\" is not a valid header name";
            }

            if (ReservedHeaders.Contains(header.Name))
            {
                return $"\"headers\": \"{header.Name}\" is set by AIBridge and cannot be a static header";
            }

            if (header.Value.ValueKind != JsonValueKind.String || header.Value.GetString()!.AsSpan().ContainsAny('\r', '\n', '\0'))
            {
                return $"\"headers\": the value of \"{header.Name}\" must be a string on one line";
            }

            headers.Add(new(header.Name, header.Value.GetString()!));
        }

        return null;
    }

    private static string? ReadApiVersion(JsonElement value, out string? apiVersion)
    {
        apiVersion = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return apiVersion is null || !ApiVersionPattern().IsMatch(apiVersion)
            ? "\"api_version\" must be a version string such as \"preview\" or \"2025-04-01-preview\""
            : null;
    }

    /// <summary>RFC 9110's token characters.</summary>
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HeaderName();

    [GeneratedRegex(@"^[A-Za-z0-9.\-]{1,64}$")]
    private static partial Regex ApiVersionPattern();
}
