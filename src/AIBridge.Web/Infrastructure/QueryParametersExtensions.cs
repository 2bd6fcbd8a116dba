using AIBridge.Application.Common.Querying;

namespace AIBridge.Web.Infrastructure;

public static class QueryParametersExtensions
{
    /// <summary>The query string with every repeat kept, so parsers can report "provided more than once".</summary>
    public static QueryParameters ToQueryParameters(this IQueryCollection query) =>
        new(query.ToDictionary(p => p.Key, p => p.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal));
}
