namespace AIBridge.Application.Common.Exceptions;

/// <summary>
/// A setting that stops the start. The message is one plain line for the operator: the setting, the
/// value and what is allowed. It is printed as it is, without a stack trace.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConfigurationException()
    {
    }
}
