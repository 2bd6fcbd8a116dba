using System.Reflection;

namespace AIBridge.Web.OpenApi;

/// <summary>
/// The build regenerates the TypeScript client: NSwag builds this host in its own process to read the
/// API description. The build must depend on the code alone, so then nothing touches a database and
/// the environment's settings (a broken provider, another database) are not read at all.
/// </summary>
public static class DocumentGeneration
{
    /// <summary>NSwag runs this entry point inside its launcher process.</summary>
    public static bool IsRunning { get; } =
        Assembly.GetEntryAssembly()?.GetName().Name?.StartsWith("NSwag.", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Replaces every configuration source with the built-in defaults and an in-memory database that is never opened.</summary>
    public static void UseDefaultsOnly(ConfigurationManager configuration)
    {
        configuration.Sources.Clear();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:AIBridge"] = "Data Source=:memory:",
        });
    }

    /// <summary>
    /// NSwag starts the host on a server of its own that listens nowhere and reads the document once it
    /// has started; AIBridge's background services (the recorder, the retention sweep) must not start with it.
    /// </summary>
    public static void WithoutBackgroundWork(IServiceCollection services)
    {
        var ours = services.Where(d => d.ServiceType == typeof(IHostedService) && IsAIBridge(d)).ToList();
        foreach (var descriptor in ours)
        {
            services.Remove(descriptor);
        }
    }

    private static bool IsAIBridge(ServiceDescriptor descriptor) =>
        (descriptor.ImplementationType ?? descriptor.ImplementationFactory?.Method.DeclaringType)?.Assembly.GetName().Name?.StartsWith("AIBridge.", StringComparison.Ordinal) == true;
}
