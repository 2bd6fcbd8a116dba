namespace AIBridge.Application.Gateway.Credentials;

/// <summary>Header names the gateway reads or strips.</summary>
public static class GatewayHeaders
{
    public const string GovernanceToken = "X-Coder-AI-Governance-Token";
    public const string GovernanceRequestId = "X-Coder-AI-Governance-Request-Id";
    public const string Authorization = "Authorization";
    public const string ApiKey = "X-Api-Key";

    /// <summary>Azure OpenAI's key header; a client of an Azure provider may send its AIBridge token in it.</summary>
    public const string AzureApiKey = "api-key";
    public const string SessionToken = "Coder-Session-Token";
    public const string Cookie = "Cookie";
    public const string InterceptionId = "X-AIBridge-Interception-Id";
}
