using System.Text.Json.Serialization;

namespace AIBridge.Web.Contracts;

/// <summary>A price override, in micro-USD per million tokens (<c>3000000</c> is $3.00 per million); null or missing is unknown.</summary>
/// <param name="CacheWrite">Cache writes kept five minutes (Anthropic's default).</param>
/// <param name="CacheWrite1h">Cache writes kept an hour.</param>
public sealed record SetPriceRequest(long? Input, long? Output, long? CacheRead, long? CacheWrite, [property: JsonPropertyName("cache_write_1h")] long? CacheWrite1h);
