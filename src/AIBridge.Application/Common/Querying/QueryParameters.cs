namespace AIBridge.Application.Common.Querying;

/// <summary>A request's query string as sent: every value of every parameter, repeats included.</summary>
public sealed class QueryParameters(IReadOnlyDictionary<string, string[]> values)
{
    /// <summary>All values given for <paramref name="name"/> (none when absent).</summary>
    public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var v) ? v : [];
}
