using AIBridge.Application.Common.Exceptions;

namespace AIBridge.Web.Infrastructure;

/// <summary>Reads a configuration section into its options class.</summary>
public static class Settings
{
    /// <summary>A value the binder cannot convert stops the start with its own message, which names the setting and the value.</summary>
    public static T Read<T>(IConfiguration section) where T : new()
    {
        try
        {
            return section.Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException(e.Message.TrimEnd('.') + (e.InnerException is { } inner ? $": {inner.Message}" : ""), e);
        }
    }
}
