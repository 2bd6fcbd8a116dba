using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Validation;
using FluentValidation;

namespace AIBridge.Application.Audit;

/// <summary>The parsed paging and search of a list endpoint.</summary>
public sealed record ListRequest(Pagination Page, SearchQuery Search)
{
    /// <summary>
    /// Parses in the read API's order, stopping at the first stage that fails: parameter syntax, then the
    /// limit's range, then <c>q</c> (reported with <paramref name="searchMessage"/>).
    /// </summary>
    public static ListRequest? Parse(
        QueryParameters query, IReadOnlyCollection<string> keys, string? defaultKey, string searchMessage,
        out ErrorEnvelope? envelope, out IReadOnlyList<ValidationError> errors)
    {
        var found = new List<ValidationError>();
        errors = found;
        var page = Pagination.Parse(query, found, out var rangeError);
        if (found.Count > 0 || rangeError is not null)
        {
            envelope = rangeError is null ? new ErrorEnvelope(Pagination.InvalidValues) : new ErrorEnvelope(rangeError.Message, rangeError.Detail);
            return null;
        }

        var search = SearchQuery.Parse(Pagination.OneValue(query, "q", found), keys, defaultKey, found);
        if (found.Count > 0)
        {
            envelope = new ErrorEnvelope(searchMessage);
            return null;
        }

        envelope = null;
        return new ListRequest(page!, search);
    }
}

public static class ListRequestValidation
{
    /// <summary>Reports a failed <see cref="ListRequest.Parse"/> to FluentValidation with its envelope.</summary>
    public static void AddFailures<T>(this ValidationContext<T> context, ErrorEnvelope envelope, IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count == 0)
        {
            context.AddFailure(new FluentValidation.Results.ValidationFailure("", envelope.Message) { CustomState = envelope });
        }

        foreach (var error in errors)
        {
            context.AddFailure(new FluentValidation.Results.ValidationFailure(error.Field, error.Detail) { CustomState = envelope });
        }
    }
}
