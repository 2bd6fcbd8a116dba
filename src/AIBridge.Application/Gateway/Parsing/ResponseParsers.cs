using AIBridge.Application.Gateway.Routing;

namespace AIBridge.Application.Gateway.Parsing;

public static class ResponseParsers
{
    /// <summary>
    /// A failed answer is read only for the provider's error text; a successful one for everything
    /// recorded, by its API's parser.
    /// </summary>
    public static ResponseParser For(BridgedApi api, bool succeeded, IResponseSink sink) => !succeeded ? new UpstreamErrorParser(sink) : api switch
    {
        BridgedApi.AnthropicMessages => new AnthropicParser(sink),
        BridgedApi.ChatCompletions => new ChatParser(sink),
        _ => new ResponsesParser(sink),
    };
}
