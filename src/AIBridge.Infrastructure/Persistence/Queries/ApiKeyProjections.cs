using AIBridge.Application.ApiKeys;
using AIBridge.Domain.ApiKeys;
using Riok.Mapperly.Abstractions;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>Projections into the API's shapes, generated into <c>Select</c> expressions run by the database.</summary>
[Mapper]
public static partial class ApiKeyProjections
{
    public static partial IQueryable<ApiKeyDto> ProjectToDto(this IQueryable<ApiKey> keys);

    [MapProperty("User.Username", nameof(ApiKeyDto.Username))]
    [MapValue(nameof(ApiKeyDto.Scope), "all")]
    [MapperIgnoreSource(nameof(ApiKey.HashedSecret))]
    private static partial ApiKeyDto ToDto(ApiKey key);

    // Coder shows the zero time until a key is first used.
    private static DateTime LastUsedOrZero(DateTime? lastUsed) => lastUsed ?? DateTime.MinValue;

    private static string EmptyIfNull(string? value) => value ?? "";
}
