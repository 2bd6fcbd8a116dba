namespace AIBridge.Application.Gateway.Recording;

/// <summary>Text as it can be stored on every database: cut to its column, without U+0000 (PostgreSQL refuses it).</summary>
public static class RecordedText
{
    public static string? Clean(string? value) => value?.Replace("\0", "", StringComparison.Ordinal);

    /// <summary>At most <paramref name="maxLength"/> UTF-16 units, never splitting a surrogate pair.</summary>
    public static string? Cut(string? value, int maxLength)
    {
        if (value is null || value.Length <= maxLength)
        {
            return value;
        }

        var end = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..end];
    }
}
