using System.Text.Json;
using System.Text.RegularExpressions;

namespace AIBridge.Application.Gateway.Bedrock;

/// <summary>
/// A <c>bedrock</c> provider's settings: its region, how it calls Bedrock, the models it maps Claude
/// requests to, and the access key id of its static credentials (whose secret is held with the keys).
/// </summary>
/// <param name="Mode"><c>invoke</c> (Bedrock's InvokeModel API, the body translated) or <c>mantle</c> (Anthropic's Messages API on Bedrock, the body as sent).</param>
/// <param name="Model">The Bedrock model id of every request, unless it names a Haiku model.</param>
/// <param name="SmallFastModel">The Bedrock model id of requests that name a Haiku model.</param>
/// <param name="AccessKeyId">Static credentials' key id; null for the default AWS credential chain.</param>
public sealed partial record BedrockSettings(string? Region, string Mode, string? Model, string? SmallFastModel, string? AccessKeyId)
{
    public const string Invoke = "invoke";
    public const string Mantle = "mantle";

    /// <summary>The one member that is a secret: taken out of the settings and kept encrypted with the keys.</summary>
    public const string SecretMember = "secret_access_key";

    public static readonly IReadOnlyList<string> Members = ["region", "mode", "model", "small_fast_model", "access_key_id", SecretMember];

    /// <summary>The Bedrock model id for a request that asked for <paramref name="requested"/>.</summary>
    public string ModelFor(string requested) =>
        (requested.Contains("haiku", StringComparison.OrdinalIgnoreCase) ? SmallFastModel : Model) ?? requested;

    /// <summary>The upstream base when none is configured: the region's Bedrock runtime, or its Anthropic-compatible endpoint.</summary>
    public Uri DefaultBaseUrl() => Mode == Mantle
        ? new Uri($"https://bedrock-mantle.{Region}.api.aws/anthropic")
        : new Uri($"https://bedrock-runtime.{Region}.amazonaws.com");

    internal static (BedrockSettings? Settings, string? Error) Read(JsonElement root)
    {
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        foreach (var member in root.EnumerateObject())
        {
            if (member.Value.ValueKind != JsonValueKind.String && member.Value.ValueKind != JsonValueKind.Null)
            {
                return (null, $"\"{member.Name}\" must be a string");
            }
        }

        var settings = new BedrockSettings(Text("region"), Text("mode") ?? Invoke, Text("model"), Text("small_fast_model"), Text("access_key_id"));
        var error = settings.Mode is not (Invoke or Mantle) ? $"\"mode\" must be \"{Invoke}\" or \"{Mantle}\""
            : settings.Region is { } region && !RegionPattern().IsMatch(region) ? $"\"region\" must be an AWS region such as \"us-east-1\""
            : settings.Mode == Invoke && string.IsNullOrWhiteSpace(settings.Model) ? "\"model\" is required in invoke mode"
            : settings.Mode == Invoke && string.IsNullOrWhiteSpace(settings.SmallFastModel) ? "\"small_fast_model\" is required in invoke mode"
            : settings.AccessKeyId is { } id && !AccessKeyPattern().IsMatch(id) ? "\"access_key_id\" must be an AWS access key id"
            : null;
        return error is null ? (settings, null) : (null, error);
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Z0-9]{16,128}$")]
    private static partial Regex AccessKeyPattern();
}
