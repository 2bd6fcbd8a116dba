namespace AIBridge.Web.Infrastructure;

/// <summary>The <c>message</c> of a 500 from this action, naming the operation that failed.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class InternalErrorMessageAttribute(string message) : Attribute
{
    public string Message { get; } = message;
}
