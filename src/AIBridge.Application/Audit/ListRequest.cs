using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Validation;
using FluentValidation;

namespace AIBridge.Application.Audit;

/// <summary>
/// The parsed paging and search of a list endpoint. <see cref="Cursor"/> is the endpoint's string
/// cursor (<c>after_session_id</c>); <c>after_id</c> is in <see cref="Pagination"/>.
/// </summary>
public sealed record ListRequest(Pagination Page, string? Cursor, SearchQuery Search)
{
    /// <summary>
    /// Parses in the read API's order: parameter syntax, then cursor with offset, then the limit's range;
    /// each of these stages fails alone (<paramref name="envelope"/> set, null returned). Then <c>q</c>:
    /// its problems are added to <paramref name="errors"/> and the request is still returned, so the
    /// caller can add the problems of the values (dates, users) and report them all together under
    /// <see cref="ListEndpoint.SearchFailure"/>.
    /// </summary>
    public static ListRequest? Parse(QueryParameters query, ListEndpoint endpoint, List<ValidationError> errors, out ErrorEnvelope? envelope)
    {
        envelope = null;
        var page = Pagination.Parse(query, errors);
        var cursor = endpoint.CursorParameter is "after_session_id" ? Pagination.OneValue(query, endpoint.CursorParameter, errors) : null;
        if (errors.Count > 0)
        {
            envelope = new ErrorEnvelope(Pagination.InvalidValues);
            return null;
        }

        var hasCursor = endpoint.CursorParameter is "after_id" ? page!.AfterId is not null : cursor is not null;
        if (hasCursor && page!.Offset != 0)
        {
            envelope = new ErrorEnvelope(Pagination.InvalidValues, $"Cannot use both {endpoint.CursorParameter} and offset pagination in the same request.");
            return null;
        }

        if (page!.Limit > Pagination.MaxLimit)
        {
            envelope = new ErrorEnvelope("Invalid pagination limit value.", $"Pagination limit must be in range (0, {Pagination.MaxLimit}]");
            return null;
        }

        var search = SearchQuery.Parse(Pagination.OneValue(query, "q", errors), endpoint.SearchKeys, endpoint.DefaultKey, errors);
        return new ListRequest(page, cursor, search);
    }
}

public static class ListRequestValidation
{
    /// <summary>Reports failed parsing to FluentValidation with its envelope.</summary>
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
