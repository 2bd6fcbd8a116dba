using System.Text;

namespace AIBridge.Application.Gateway.Credentials;

/// <summary>The masked form of a credential that may be stored and shown: never the key itself.</summary>
public static class KeyMask
{
    public static string Mask(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "";
        }

        // Code points, not UTF-16 units: an emoji is one character.
        var runes = key.EnumerateRunes().ToArray();
        var n = runes.Length;
        var reveal = n >= 20 ? 4 : n >= 10 ? 2 : n >= 5 ? 1 : 0;
        if (n <= 2 * reveal || reveal == 0)
        {
            return "...";
        }

        var builder = new StringBuilder();
        foreach (var rune in runes[..reveal])
        {
            builder.Append(rune.ToString());
        }

        builder.Append("...");
        foreach (var rune in runes[^reveal..])
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Length in code points, which logs may carry instead of the key.</summary>
    public static int Length(string? key) => key is null ? 0 : key.EnumerateRunes().Count();
}
