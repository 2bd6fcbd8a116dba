using System.Diagnostics;

namespace AIBridge.Application.Gateway.Telemetry;

/// <summary>
/// The gateway's spans, on activity source <c>AIBridge.Gateway</c>, named as Coder's AI Gateway names
/// them so that trace queries carry over. Without a listener (tracing off) starting one returns null and
/// costs a check.
/// </summary>
public static class GatewaySpans
{
    public const string SourceName = "AIBridge.Gateway";

    public static readonly ActivitySource Source = new(SourceName);

    public const string Intercept = "Intercept";
    public const string ProcessRequest = "Intercept.ProcessRequest";
    public const string Upstream = "Intercept.ProcessRequest.Upstream";
    public const string RecordInterception = "Intercept.RecordInterception";
    public const string RecordPromptUsage = "Intercept.RecordPromptUsage";
    public const string RecordTokenUsage = "Intercept.RecordTokenUsage";
    public const string RecordToolUsage = "Intercept.RecordToolUsage";
    public const string RecordModelThought = "Intercept.RecordModelThought";
    public const string RecordInterceptionEnded = "Intercept.RecordInterceptionEnded";
    public const string Passthrough = "Passthrough";

    /// <summary>Attribute names: Coder's, and the OpenTelemetry GenAI conventions' where one exists.</summary>
    public static class Attributes
    {
        public const string RequestPath = "request_path";
        public const string InterceptionId = "interception_id";
        public const string UserId = "user_id";
        public const string Provider = "provider";
        public const string Model = "model";
        public const string Streaming = "streaming";
        public const string ApiKeyId = "api_key_id";
        public const string PassthroughUrl = "passthrough_url";
        public const string PassthroughMethod = "passthrough_method";
        public const string PassthroughUpstreamUrl = "passthrough_upstream_url";
        public const string GenAiSystem = "gen_ai.system";
        public const string GenAiRequestModel = "gen_ai.request.model";
        public const string GenAiInputTokens = "gen_ai.usage.input_tokens";
        public const string GenAiOutputTokens = "gen_ai.usage.output_tokens";
        public const string GenAiResponseId = "gen_ai.response.id";
        public const string ToolName = "tool_name";
        public const string ErrorType = "error.type";
        public const string StatusCode = "http.response.status_code";
    }
}
