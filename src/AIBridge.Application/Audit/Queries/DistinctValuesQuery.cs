using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using FluentValidation;

namespace AIBridge.Application.Audit.Queries;

/// <summary>What <c>/models</c> and <c>/clients</c> share: one search key, paging, and a small distinct set.</summary>
public interface IDistinctValuesQuery
{
    Actor Caller { get; }

    QueryParameters Parameters { get; }

    /// <summary>The only <c>q</c> key; bare words mean it too.</summary>
    string SearchKey { get; }

    /// <summary>The envelope message of a bad <c>q</c>.</summary>
    string SearchFailure { get; }
}

public static class DistinctValuesQuery
{
    public static ListRequest? Parse(IDistinctValuesQuery query, out ErrorEnvelope? envelope, out IReadOnlyList<Common.Exceptions.ValidationError> errors)
    {
        var found = new List<Common.Exceptions.ValidationError>();
        errors = found;
        var request = ListRequest.Parse(query.Parameters, new ListEndpoint([query.SearchKey], query.SearchKey, query.SearchFailure), found, out envelope);
        if (request is not null && found.Count > 0)
        {
            envelope = new ErrorEnvelope(query.SearchFailure);
            return null;
        }

        return request;
    }

    /// <summary>
    /// A literal prefix, ordinal order, then offset and limit. Done in memory:
    /// the distinct values number in the tens, and this keeps <c>%</c>/<c>_</c> literal on every database.
    /// </summary>
    public static async ValueTask<IReadOnlyList<string>> HandleAsync(
        IDistinctValuesQuery query, Func<bool, CancellationToken, Task<IReadOnlyList<string>>> load, CancellationToken cancellationToken)
    {
        var request = Parse(query, out _, out _)!;
        var prefix = request.Search[query.SearchKey];
        return (await load(query.Caller.CanReadInterceptions, cancellationToken))
            .Where(v => prefix is null || v.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Skip(request.Page.Offset)
            .Take(request.Page.Limit)
            .ToList();
    }
}

public abstract class DistinctValuesQueryValidator<T> : RequestValidator<T>
    where T : IDistinctValuesQuery
{
    protected DistinctValuesQueryValidator() =>
        RuleFor(x => x).Custom((query, context) =>
        {
            if (DistinctValuesQuery.Parse(query, out var envelope, out var errors) is null)
            {
                context.AddFailures(envelope!, errors);
            }
        });
}
