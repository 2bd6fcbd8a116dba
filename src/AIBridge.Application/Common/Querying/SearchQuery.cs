using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AIBridge.Application.Common.Exceptions;

namespace AIBridge.Application.Common.Querying;

/// <summary>
/// The <c>q</c> search string: <c>key:value</c> terms and bare words, split on spaces
/// outside double quotes. Keys are case-insensitive; values keep their case.
/// </summary>
public sealed partial class SearchQuery
{
    private readonly Dictionary<string, string> _values;

    private SearchQuery(Dictionary<string, string> values) => _values = values;

    public static SearchQuery Empty { get; } = new([]);

    /// <summary>The value of a key, or null when absent or empty.</summary>
    public string? this[string key] => _values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    /// <summary>
    /// Tokenises <paramref name="q"/> and checks its keys. Bare words go to <paramref name="defaultKey"/>,
    /// or are rejected when it is null. Problems are added to <paramref name="errors"/>.
    /// </summary>
    public static SearchQuery Parse(string? q, IReadOnlyCollection<string> keys, string? defaultKey, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(q))
        {
            return Empty;
        }

        var pieces = SplitOutsideQuotes(q, ' ').Where(p => p.Length > 0).ToList();
        var elements = pieces.Where(p => p.Contains(':', StringComparison.Ordinal)).ToList();
        var bare = pieces.Where(p => !p.Contains(':', StringComparison.Ordinal)).ToList();
        if (bare.Count > 0)
        {
            elements.Add(string.Join(' ', bare));
        }

        var terms = new List<(string Key, string Value)>();
        foreach (var element in elements)
        {
            if (element.StartsWith(':') || element.EndsWith(':'))
            {
                errors.Add(new ValidationError("q", $"Query element \"{element}\" cannot start or end with ':'"));
                return Empty;
            }

            var parts = SplitOutsideQuotes(element, ':').Select(p => p.Trim('"')).ToList();
            switch (parts.Count)
            {
                case 1 when defaultKey is null:
                    errors.Add(new ValidationError("q", "no search key specified"));
                    break;
                case 1:
                    terms.Add((defaultKey, element));
                    break;
                case 2:
                    terms.Add((parts[0].ToLowerInvariant(), parts[1]));
                    break;
                default:
                    errors.Add(new ValidationError("q", $"Query element \"{element}\" can only contain 1 ':'"));
                    return Empty;
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in terms.GroupBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!keys.Contains(group.Key))
            {
                errors.Add(new ValidationError(group.Key, $"\"{group.Key}\" is not a valid query param"));
            }
            else if (group.Count() > 1)
            {
                errors.Add(new ValidationError(group.Key, Pagination.RepeatedMessage(group.Key, group.Count())));
            }
            else
            {
                values[group.Key] = group.Single().Value;
            }
        }

        return new SearchQuery(values);
    }

    /// <summary>
    /// An RFC 3339 timestamp (optional fraction, up to 9 digits), or a bare date meaning its midnight UTC,
    /// as UTC; or null with an error added.
    /// </summary>
    public DateTime? Timestamp(string key, List<ValidationError> errors)
    {
        if (this[key] is not { } raw)
        {
            return null;
        }

        if (DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            return day;
        }

        var match = Rfc3339().Match(raw.ToUpperInvariant());
        if (match.Success)
        {
            var fraction = match.Groups["fraction"].Value.PadRight(7, '0')[..7];
            var text = $"{match.Groups["seconds"].Value}.{fraction}{(match.Groups["zone"].Value == "Z" ? "+00:00" : match.Groups["zone"].Value)}";
            if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                return value.UtcDateTime;
            }
        }

        errors.Add(new ValidationError(key,
            $"Query param \"{key}\" must be a date such as 2026-12-03 (midnight UTC) or a time such as \"2026-12-03T15:04:05Z\" (quoted, for its colons): cannot parse \"{raw}\""));
        return null;
    }

    /// <summary><c>started_after</c> and <c>started_before</c>; the window must not be empty or reversed.</summary>
    public (DateTime? After, DateTime? Before) TimeWindow(List<ValidationError> errors)
    {
        var after = Timestamp("started_after", errors);
        var before = Timestamp("started_before", errors);
        if (after is not null && before is not null && before <= after)
        {
            errors.Add(new ValidationError("started_before",
                "Query param \"started_before\" has invalid value: \"started_before\" must be after \"started_after\" if set"));
        }

        return (after, before);
    }

    [GeneratedRegex(@"^(?<seconds>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9}))?(?<zone>Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == separator && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }
}
