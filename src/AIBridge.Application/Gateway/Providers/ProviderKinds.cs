namespace AIBridge.Application.Gateway.Providers;

/// <summary>
/// The provider types an instance can be, each speaking one wire family (<see cref="ProviderType"/>):
/// the family is what is stored as <c>provider</c>; the type goes into the interception's metadata.
/// </summary>
public static class ProviderKinds
{
    public const string Anthropic = "anthropic";
    public const string OpenAI = "openai";

    /// <summary>Any server speaking OpenAI's Chat Completions (and Responses, if it has it): vLLM, Ollama, OpenRouter and others.</summary>
    public const string OpenAICompatible = "openai-compat";

    /// <summary>Azure OpenAI's v1 API: an <c>api-key</c> header, and an optional <c>api-version</c> query.</summary>
    public const string Azure = "azure";

    /// <summary>GitHub Copilot's API, with each user's own Copilot token: Chat Completions, Responses and Messages.</summary>
    public const string Copilot = "copilot";

    /// <summary>AWS Bedrock: Claude through InvokeModel (the body translated) or Bedrock's Anthropic-compatible API, SigV4-signed.</summary>
    public const string Bedrock = "bedrock";

    public static readonly IReadOnlyList<string> All = [Anthropic, OpenAI, OpenAICompatible, Azure, Copilot, Bedrock];

    /// <summary>Types whose requests always carry the user's own provider token.</summary>
    public static bool IsAlwaysByok(string kind) => kind == Copilot;

    /// <summary>Types without a key pool: Copilot sends each user's token, Bedrock signs with AWS credentials.</summary>
    public static bool HoldsNoKeys(string kind) => kind is Copilot or Bedrock;

    public static string Allowed => string.Join(", ", All);

    /// <summary>
    /// The wire family of a type, or null for a type this build does not know. Copilot speaks both; its
    /// family is OpenAI's until a route says otherwise.
    /// </summary>
    public static ProviderType? Family(string? kind) => kind switch
    {
        Anthropic or Bedrock => ProviderType.Anthropic,
        OpenAI or OpenAICompatible or Azure or Copilot => ProviderType.OpenAI,
        _ => null,
    };

    /// <summary>The type's upstream when no base URL is given; null when it has none and one is required.</summary>
    public static Uri? DefaultBaseUrl(string kind) => kind switch
    {
        Anthropic => new Uri("https://api.anthropic.com"),
        OpenAI => new Uri("https://api.openai.com/v1"),
        Copilot => new Uri("https://api.individual.githubcopilot.com"),
        _ => null,
    };
}
