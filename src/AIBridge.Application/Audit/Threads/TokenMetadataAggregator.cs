using System.Globalization;
using System.Text.Json;

namespace AIBridge.Application.Audit.Threads;

/// <summary>
/// Sums provider token counters across usages: nested objects flatten to dot-joined
/// keys; integer leaves, and strings holding a base-10 integer, are summed; everything else is skipped.
/// </summary>
public sealed class TokenMetadataAggregator
{
    private readonly SortedDictionary<string, long> _sums = new(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, long> Sum(IEnumerable<string?> metadata)
    {
        var aggregator = new TokenMetadataAggregator();
        foreach (var text in metadata)
        {
            aggregator.Add(text);
        }

        return aggregator.Result;
    }

    /// <summary>Keys in ordinal order; empty (never null) when nothing qualified.</summary>
    public IReadOnlyDictionary<string, long> Result => _sums;

    public void Add(string? metadata)
    {
        if (string.IsNullOrEmpty(metadata))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(metadata);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                Walk(document.RootElement, "");
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to sum. The gateway writes objects; a hand-edited row must not break reads.
        }
    }

    private void Walk(JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object)
            {
                Walk(value, key);
            }
            else if (AsInteger(value) is { } number)
            {
                _sums[key] = _sums.TryGetValue(key, out var sum) ? unchecked(sum + number) : number;
            }
        }
    }

    private static long? AsInteger(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };

        // Integer literals only: no fraction or exponent, and within int64.
        return text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
