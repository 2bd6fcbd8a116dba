using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using AIBridge.Application.Users;

namespace AIBridge.Application.Audit;

/// <summary>A list request parsed down to its paging and database filter.</summary>
public sealed record AuditListRequest(Pagination Page, string? Cursor, AuditFilter Filter);

/// <summary>The outcome of parsing: a request, or the envelope and validations to answer 400 with.</summary>
public sealed record AuditListParse(AuditListRequest? Request, ErrorEnvelope? Envelope, IReadOnlyList<ValidationError> Errors);

/// <summary>
/// Parses <c>/interceptions</c> and <c>/sessions</c> requests, including the <c>initiator</c> look-up,
/// which needs the database. Scoped: the validator and the handler of one request share the result,
/// so a username is looked up once.
/// </summary>
public sealed class AuditListParser(IUserRepository users)
{
    private (QueryParameters Query, AuditListParse Result)? _last;

    public async Task<AuditListParse> ParseAsync(QueryParameters query, ListEndpoint endpoint, Actor caller, CancellationToken cancellationToken)
    {
        if (_last is { } last && ReferenceEquals(last.Query, query))
        {
            return last.Result;
        }

        var result = await ParseUncachedAsync(query, endpoint, caller, cancellationToken);
        _last = (query, result);
        return result;
    }

    private async Task<AuditListParse> ParseUncachedAsync(QueryParameters query, ListEndpoint endpoint, Actor caller, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (ListRequest.Parse(query, endpoint, errors, out var envelope) is not { } request)
        {
            return new AuditListParse(null, envelope, errors);
        }

        var search = request.Search;
        var (after, before) = search.TimeWindow(errors);
        var initiator = await ResolveInitiatorAsync(search["initiator"], caller, errors, cancellationToken);
        var failed = ParseStatus(search["status"], errors);
        if (errors.Count > 0)
        {
            return new AuditListParse(null, new ErrorEnvelope(endpoint.SearchFailure), errors);
        }

        var filter = new AuditFilter
        {
            CallerCanRead = caller.CanReadInterceptions,
            InitiatorId = initiator,
            Provider = search["provider"],
            Model = search["model"],
            Client = search["client"],
            SessionId = search["session_id"],
            Failed = failed,
            StartedAfter = after,
            StartedBefore = before,
        };
        return new AuditListParse(new AuditListRequest(request.Page, request.Cursor, filter), null, errors);
    }

    /// <summary><c>completed</c> or <c>failed</c> (case-insensitive).</summary>
    private static bool? ParseStatus(string? value, List<ValidationError> errors)
    {
        switch (value?.ToLowerInvariant())
        {
            case null:
                return null;
            case "completed":
                return false;
            case "failed":
                return true;
            default:
                errors.Add(new ValidationError("status", $"Query param \"status\" has invalid value: \"{value}\" must be completed or failed"));
                return null;
        }
    }

    /// <summary><c>me</c>, a UUID taken literally (an unknown one matches nothing), or a username (case-insensitive).</summary>
    public async Task<Guid?> ResolveInitiatorAsync(string? value, Actor caller, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return null;
        }

        if (value == "me")
        {
            return caller.UserId;
        }

        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        if (await users.FindByUsernameAsync(value, cancellationToken) is { } user)
        {
            return user.Id;
        }

        errors.Add(new ValidationError("initiator",
            $"Query param \"initiator\" has invalid value: user \"{value}\" either does not exist, or you are unauthorized to view them"));
        return null;
    }
}
