using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using FluentValidation;

namespace AIBridge.Application.Audit.Queries;

/// <summary>What <c>/interceptions</c> and <c>/sessions</c> share: paging, a cursor and the full <c>q</c>.</summary>
public interface IAuditListQuery
{
    Actor Caller { get; }

    QueryParameters Parameters { get; }

    ListEndpoint Endpoint { get; }
}

public abstract class AuditListValidator<T> : RequestValidator<T>
    where T : IAuditListQuery
{
    protected AuditListValidator(AuditListParser parser) =>
        RuleFor(x => x).CustomAsync(async (query, context, cancellationToken) =>
        {
            var parsed = await parser.ParseAsync(query.Parameters, query.Endpoint, query.Caller, cancellationToken);
            if (parsed.Envelope is not null)
            {
                context.AddFailures(parsed.Envelope, parsed.Errors);
            }
        });
}
