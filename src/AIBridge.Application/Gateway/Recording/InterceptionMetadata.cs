using System.Text.Json;
using System.Text.Json.Nodes;

namespace AIBridge.Application.Gateway.Recording;

/// <summary>The interception's <c>metadata</c> object: what the gateway knows beside the columns.</summary>
public static class InterceptionMetadata
{
    /// <summary>At the start: the client's user agent and the provider's type (which tells Azure from OpenAI, whose wire family is one).</summary>
    public static string Start(string userAgent, string providerType) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["request_user_agent"] = userAgent, ["provider_type"] = providerType });

    /// <summary>
    /// The start's metadata with <c>key_attempts</c>: each pooled key tried, by id (never the key), and
    /// the status it got (null when the upstream gave none).
    /// </summary>
    public static string WithKeyAttempts(string startMetadata, IEnumerable<KeyAttempt> attempts)
    {
        var metadata = JsonNode.Parse(startMetadata)?.AsObject() ?? [];
        metadata["key_attempts"] = new JsonArray([.. attempts.Select(a => new JsonObject { ["key_id"] = a.KeyId.ToString(), ["status"] = a.Status })]);
        return metadata.ToJsonString();
    }
}

/// <summary>One try of a pooled key for a request.</summary>
public sealed record KeyAttempt(Guid KeyId, int? Status);
