using System.Globalization;
using AIBridge.Application.Common.Exceptions;

namespace AIBridge.Application.Common.Querying;

/// <summary>The <c>after_id</c>, <c>limit</c>, <c>offset</c> of a list endpoint, with defaults applied.</summary>
public sealed record Pagination(Guid? AfterId, int Limit, int Offset)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const string InvalidValues = "Query parameters have invalid values.";

    /// <summary>
    /// Parses the list endpoints' paging syntax, collecting every problem into <paramref name="errors"/>
    /// (null is returned then). The limit's range is the caller's next stage: it is checked only after
    /// other checks that come first (e.g. a cursor combined with an offset).
    /// </summary>
    public static Pagination? Parse(QueryParameters query, List<ValidationError> errors)
    {
        var before = errors.Count;
        var afterId = OneValue(query, "after_id", errors) is { } rawId
            ? Guid.TryParse(rawId, out var id) ? id : Fail<Guid?>(errors, "after_id", "Query param \"after_id\" must be a valid uuid")
            : null;
        var limit = ParseInt(query, "limit", errors);
        var offset = ParseInt(query, "offset", errors);
        return errors.Count > before ? null : new Pagination(afterId, limit is null or 0 ? DefaultLimit : limit.Value, offset ?? 0);
    }

    /// <summary>The one non-empty value of a parameter; a repeated parameter is an error.</summary>
    public static string? OneValue(QueryParameters query, string name, List<ValidationError> errors)
    {
        var values = query.All(name);
        if (values.Count > 1)
        {
            errors.Add(new ValidationError(name, RepeatedMessage(name, values.Count)));
            return null;
        }

        return values.Count == 1 && values[0].Length > 0 ? values[0] : null;
    }

    public static string RepeatedMessage(string name, int count) =>
        $"Query param \"{name}\" provided more than once, found {count} times. Only provide 1 instance of this query param.";

    private static int? ParseInt(QueryParameters query, string name, List<ValidationError> errors)
    {
        if (OneValue(query, name, errors) is not { } raw)
        {
            return null;
        }

        // Go's strconv.ParseInt(raw, 10, 32): an optional sign, then ASCII digits only.
        var digits = raw.StartsWith('+') || raw.StartsWith('-') ? raw[1..] : raw;
        string? reason = null;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            reason = "invalid syntax";
        }
        else if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value is > int.MaxValue or < int.MinValue)
        {
            reason = "value out of range";
        }
        else if (value < 0)
        {
            reason = "value is negative";
        }
        else
        {
            return (int)value;
        }

        return Fail<int?>(errors, name, $"Query param \"{name}\" must be a valid 32-bit positive integer: {reason}");
    }

    private static T? Fail<T>(List<ValidationError> errors, string field, string detail)
    {
        errors.Add(new ValidationError(field, detail));
        return default;
    }
}
