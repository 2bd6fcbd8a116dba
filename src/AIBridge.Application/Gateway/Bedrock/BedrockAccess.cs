namespace AIBridge.Application.Gateway.Bedrock;

/// <summary>How a <c>bedrock</c> provider reaches AWS: its settings, the region it signs for, and its static secret if it has one.</summary>
/// <param name="Region">The region of the signature's scope: the configured one, else the one in the base URL's host.</param>
/// <param name="SecretAccessKey">The static credentials' secret (never logged); null for the default AWS credential chain.</param>
public sealed record BedrockAccess(BedrockSettings Settings, string Region, string? SecretAccessKey)
{
    /// <summary>The region signed for when neither the settings nor the base URL name one.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>The region named in a Bedrock host (<c>bedrock-runtime.us-west-2.amazonaws.com</c>), or null.</summary>
    public static string? RegionOf(Uri baseUrl)
    {
        var labels = baseUrl.Host.Split('.');
        return labels.Length > 2 && labels[0].StartsWith("bedrock", StringComparison.Ordinal) ? labels[1] : null;
    }

    public override string ToString() => $"BedrockAccess {{ Region = {Region}, Mode = {Settings.Mode} }}";
}
