namespace AIBridge.Application.Gateway.Providers;

/// <summary>The API family a provider instance speaks; stored as <c>provider</c> and selects the error format.</summary>
public enum ProviderType
{
    Anthropic,
    OpenAI,
}

public static class ProviderTypes
{
    public static string Name(this ProviderType type) => type switch
    {
        ProviderType.Anthropic => "anthropic",
        _ => "openai",
    };
}
