using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AIBridge.Web.Logging;

/// <summary>
/// Every logger the host creates, wrapped so that no line carries a credential from a query string
/// (the server's request logs print whole URLs). Wrapping the factory, not the providers, covers
/// providers added after start-up too.
/// </summary>
public sealed class RedactingLoggerFactory(LoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<LoggerFactory>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory, RedactingLoggerFactory>());
    }
}
