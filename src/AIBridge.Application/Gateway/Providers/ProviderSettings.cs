namespace AIBridge.Application.Gateway.Providers;

/// <summary>One <c>AIBridge:Providers:&lt;name&gt;</c> section as configured.</summary>
public sealed class ProviderSettings
{
    public string? Type { get; set; }

    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    public Resilience.CircuitBreakerSettings? CircuitBreaker { get; set; }

    /// <summary><c>openai-compat</c>: headers added to every upstream request.</summary>
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary><c>azure</c>: the <c>api-version</c> query.</summary>
    public string? ApiVersion { get; set; }

    /// <summary><c>bedrock</c>: the AWS region.</summary>
    public string? Region { get; set; }

    /// <summary><c>bedrock</c>: <c>invoke</c> (the default) or <c>mantle</c>.</summary>
    public string? Mode { get; set; }

    /// <summary><c>bedrock</c>: the Bedrock model id of requests that do not name a Haiku model.</summary>
    public string? Model { get; set; }

    /// <summary><c>bedrock</c>: the Bedrock model id of requests that name a Haiku model.</summary>
    public string? SmallFastModel { get; set; }

    /// <summary><c>bedrock</c>: the static credentials' access key id.</summary>
    public string? AccessKey { get; set; }

    /// <summary><c>bedrock</c>: the static credentials' secret.</summary>
    public string? AccessKeySecret { get; set; }
}
