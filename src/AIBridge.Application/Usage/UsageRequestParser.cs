using System.Globalization;
using AIBridge.Application.Audit;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using AIBridge.Domain.Usage;

namespace AIBridge.Application.Usage;

/// <summary>The outcome of parsing: a request, or the envelope and validations to answer 400 with.</summary>
public sealed record UsageParse(UsageRequest? Request, ErrorEnvelope? Envelope, IReadOnlyList<ValidationError> Errors);

/// <summary>
/// Parses <c>/usage</c> and <c>/usage/export</c>. Scoped, as <see cref="AuditListParser"/> (whose user
/// look-up it shares): the validator and the handler of one request share one parse.
/// </summary>
public sealed class UsageRequestParser(AuditListParser audit, TimeProvider clock)
{
    public const string InvalidSearch = "Invalid usage search query.";
    public const string InvalidParameters = "Query parameters have invalid values.";
    public const int DefaultDays = 30;
    public const int MaxDays = 400;
    public const int MaxGroups = 2;

    private static readonly string[] SearchKeys = ["initiator", "provider", "model", "client", "started_after", "started_before"];

    private (QueryParameters Query, UsageParse Result)? _last;

    public async Task<UsageParse> ParseAsync(QueryParameters query, Actor caller, CancellationToken cancellationToken)
    {
        if (_last is { } last && ReferenceEquals(last.Query, query))
        {
            return last.Result;
        }

        var result = await ParseUncachedAsync(query, caller, cancellationToken);
        _last = (query, result);
        return result;
    }

    private async Task<UsageParse> ParseUncachedAsync(QueryParameters query, Actor caller, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var interval = ParseEnum(Pagination.OneValue(query, "interval", errors), "interval", UsageInterval.Day, errors);
        var groupBy = ParseGroupBy(Pagination.OneValue(query, "group_by", errors), errors);
        var orderBy = ParseEnum(Pagination.OneValue(query, "order_by", errors), "order_by", UsageOrder.Cost, errors);
        var limit = ParseLimit(Pagination.OneValue(query, "limit", errors), errors);
        var zoneName = Pagination.OneValue(query, "tz", errors) ?? "UTC";
        var zone = FindZone(zoneName, errors);
        if (errors.Count > 0)
        {
            return new UsageParse(null, new ErrorEnvelope(InvalidParameters), errors);
        }

        var search = SearchQuery.Parse(Pagination.OneValue(query, "q", errors), SearchKeys, null, errors);
        var (after, before) = search.TimeWindow(errors);
        var initiator = await audit.ResolveInitiatorAsync(search["initiator"], caller, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new UsageParse(null, new ErrorEnvelope(InvalidSearch), errors);
        }

        var (fromHour, toHour) = Window(after, before);
        if (ZoneHours.Over(zone!, fromHour, toHour, out var uneven) is not { } hours)
        {
            errors.Add(new ValidationError("tz",
                $"Time zone \"{zoneName}\" is {uneven:hh\\:mm} away from UTC in this window: usage is kept by the hour, so only zones a whole number of hours from UTC can be used."));
            return new UsageParse(null, new ErrorEnvelope(InvalidParameters), errors);
        }

        var request = new UsageRequest
        {
            FromHour = fromHour,
            ToHour = toHour,
            Interval = interval,
            GroupBy = groupBy,
            Zone = hours,
            OrderBy = orderBy,
            Limit = limit,
            InitiatorId = initiator,
            Provider = search["provider"],
            Model = search["model"],
            Client = search["client"],
        };
        return new UsageParse(request, null, errors);
    }

    /// <summary>
    /// Whole hours: from the hour <paramref name="after"/> falls in to the end of the hour
    /// <paramref name="before"/> falls in; by default the last 30 days up to the end of this hour, and at
    /// most 400 days back from the end.
    /// </summary>
    private (long From, long To) Window(DateTime? after, DateTime? before)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var to = before is { } b ? CeilingHour(b) : Math.Max(UsageHours.Of(now) + 1, after is { } a ? UsageHours.Of(a) + 1 : 0);
        var from = after is { } start ? UsageHours.Of(start) : to - (DefaultDays * 24);
        return (Math.Max(from, to - (MaxDays * 24)), to);
    }

    private static long CeilingHour(DateTime time)
    {
        var hour = UsageHours.Of(time);
        return UsageHours.Start(hour) == time ? hour : hour + 1;
    }

    private static T ParseEnum<T>(string? value, string name, T fallback, List<ValidationError> errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return fallback;
        }

        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add(new ValidationError(name,
            $"Query param \"{name}\" has invalid value: \"{value}\" must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}"));
        return fallback;
    }

    private static List<UsageDimension> ParseGroupBy(string? value, List<ValidationError> errors)
    {
        var dimensions = new List<UsageDimension>();
        if (value is null)
        {
            return dimensions;
        }

        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var dimension = ParseEnum(part, "group_by", UsageDimension.User, errors);
            if (dimensions.Contains(dimension))
            {
                errors.Add(new ValidationError("group_by", $"Query param \"group_by\" has invalid value: \"{part}\" is named twice"));
            }

            dimensions.Add(dimension);
        }

        if (dimensions.Count > MaxGroups)
        {
            errors.Add(new ValidationError("group_by", $"Query param \"group_by\" has invalid value: at most {MaxGroups} of user, provider, model, client"));
        }

        return dimensions;
    }

    private static int ParseLimit(string? value, List<ValidationError> errors)
    {
        if (value is null)
        {
            return Pagination.DefaultLimit;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit <= Pagination.MaxLimit)
        {
            return limit == 0 ? Pagination.DefaultLimit : limit;
        }

        errors.Add(new ValidationError("limit", $"Query param \"limit\" has invalid value: \"{value}\" must be a whole number from 1 to {Pagination.MaxLimit}"));
        return Pagination.DefaultLimit;
    }

    private static TimeZoneInfo? FindZone(string name, List<ValidationError> errors)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
        {
            return zone;
        }

        errors.Add(new ValidationError("tz", $"Query param \"tz\" has invalid value: \"{name}\" is not a known IANA time zone"));
        return null;
    }
}
