using System.Text.Json;
using System.Text.RegularExpressions;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>The JSON types a contract allows for a key; <see cref="Uuid"/> and <see cref="Time"/> are strings of that form.</summary>
#pragma warning disable CA1720 // The members name JSON types, not .NET ones.
public enum Json
{
    String,
    Number,
    Bool,
    Object,
    Array,
    Null,
    Uuid,
    Time,
}
#pragma warning restore CA1720

/// <summary>Asserts an object has exactly the given keys, each with one of its allowed JSON types.</summary>
public static partial class JsonShape
{
    public static void ShouldHaveShape(this JsonElement element, string what, params (string Key, Json[] Types)[] keys)
    {
        element.ValueKind.Should().Be(JsonValueKind.Object, what);
        element.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(keys.Select(k => k.Key), $"{what} has exactly these keys");
        foreach (var (key, types) in keys)
        {
            var value = element.GetProperty(key);
            types.Should().Contain(t => Matches(value, t), $"{what}.{key} is {value.GetRawText()}, expected one of {string.Join(", ", types)}");
        }
    }

    public static (string, Json[]) Key(string key, params Json[] types) => (key, types);

    private static bool Matches(JsonElement value, Json type) => type switch
    {
        Json.String => value.ValueKind == JsonValueKind.String,
        Json.Number => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        Json.Bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        Json.Object => value.ValueKind == JsonValueKind.Object,
        Json.Array => value.ValueKind == JsonValueKind.Array,
        Json.Null => value.ValueKind == JsonValueKind.Null,
        Json.Uuid => value.ValueKind == JsonValueKind.String && Uuid().IsMatch(value.GetString()!),
        Json.Time => value.ValueKind == JsonValueKind.String && Time().IsMatch(value.GetString()!),
        _ => false,
    };

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")]
    private static partial Regex Time();
}
