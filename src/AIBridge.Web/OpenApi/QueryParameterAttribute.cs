namespace AIBridge.Web.OpenApi;

/// <summary>
/// Documents a query parameter that the action reads itself (through the Application's parsers, which
/// own the error messages) rather than through model binding.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class QueryParameterAttribute(string name, Type type, string description) : Attribute
{
    public string Name { get; } = name;

    public Type Type { get; } = type;

    public string Description { get; } = description;
}
