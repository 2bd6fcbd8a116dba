using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using AIBridge.Application.Audit;
using FluentValidation;
using Mediator;

namespace AIBridge.Application.Usage.Queries.GetUsage;

/// <summary>
/// `GET /api/v2/aibridge/usage` (and its CSV export): usage and cost summed from the hourly roll-up.
/// Owners and auditors see everyone's; members only their own.
/// </summary>
public sealed record GetUsageQuery(Actor Caller, QueryParameters Parameters) : IQuery<UsageReportDto>;

public sealed class GetUsageQueryValidator : RequestValidator<GetUsageQuery>
{
    public GetUsageQueryValidator(UsageRequestParser parser) =>
        RuleFor(x => x).CustomAsync(async (query, context, cancellationToken) =>
        {
            var parsed = await parser.ParseAsync(query.Parameters, query.Caller, cancellationToken);
            if (parsed.Envelope is not null)
            {
                context.AddFailures(parsed.Envelope, parsed.Errors);
            }
        });
}

public sealed class GetUsageQueryHandler(UsageRequestParser parser, IUsageRepository usage) : IQueryHandler<GetUsageQuery, UsageReportDto>
{
    public const string OwnUsageOnly = "You can only see your own usage.";

    public async ValueTask<UsageReportDto> Handle(GetUsageQuery query, CancellationToken cancellationToken)
    {
        var request = (await parser.ParseAsync(query.Parameters, query.Caller, cancellationToken)).Request!;
        if (!query.Caller.CanReadInterceptions)
        {
            if (request.InitiatorId is { } named && named != query.Caller.UserId)
            {
                throw AppException.Forbidden(OwnUsageOnly, null);
            }

            request = request with { InitiatorId = query.Caller.UserId };
        }

        return await OperationFailedException.Guard("Internal error getting AI Bridge usage.", async () =>
        {
            var rows = await usage.SumAsync(new UsageSumQuery(request, UsageReportBuilder.TimeKeyOf(request.Interval)), cancellationToken);
            var ids = rows.Where(r => r.InitiatorId is not null).Select(r => r.InitiatorId!.Value).Distinct().ToList();
            var users = ids.Count == 0 ? new Dictionary<Guid, Audit.Dtos.MinimalUserDto>() : await usage.FindUsersAsync(ids, cancellationToken);
            return UsageReportBuilder.Build(request, rows, users);
        });
    }
}
