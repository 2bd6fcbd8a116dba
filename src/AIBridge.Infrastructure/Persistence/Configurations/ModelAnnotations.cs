using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

/// <summary>Marks what providers map differently, so each provider context can find it.</summary>
internal static class ModelAnnotations
{
    private const string Json = "AIBridge:Json";
    private const string Ordinal = "AIBridge:Ordinal";

    public const string CompletedFilter = "ended_at IS NOT NULL";

    public const string InFlightFilter = "ended_at IS NULL";

    /// <summary>A JSON document stored as text (<c>jsonb</c> on PostgreSQL).</summary>
    public static PropertyBuilder<string?> IsJson(this PropertyBuilder<string?> property) => property.HasAnnotation(Json, true);

    /// <summary>Text that is filtered, grouped and sorted ordinally, whatever the database's default collation.</summary>
    public static PropertyBuilder<T> IsOrdinalText<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Ordinal, true);

    public static bool IsJson(this IReadOnlyProperty property) => property.FindAnnotation(Json)?.Value is true;

    public static bool IsOrdinalText(this IReadOnlyProperty property) => property.FindAnnotation(Ordinal)?.Value is true;
}
