namespace AIBridge.Application.Gateway;

public static class GatewayJson
{
    /// <summary>
    /// The deepest nesting a bridged request body may have. Real tool schemas nest past the readers'
    /// default of 64; deeper bodies are refused with 400 rather than parsed without a bound.
    /// </summary>
    public const int MaxDepth = 512;
}
