using AIBridge.Application.Audit.Dtos;
using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Users;
using Riok.Mapperly.Abstractions;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>
/// Projections of the audit API's shapes, generated into <c>Select</c> expressions run by the
/// database. Only the target's members are mapped: the entities carry more than the API shows.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class AuditProjections
{
    public static partial IQueryable<InterceptionDto> ProjectToDto(this IQueryable<Interception> interceptions);

    public static partial IQueryable<TokenUsageDto> ProjectToDto(this IQueryable<TokenUsage> usages);

    public static partial IQueryable<UserPromptDto> ProjectToDto(this IQueryable<UserPrompt> prompts);

    public static partial IQueryable<ToolUsageDto> ProjectToDto(this IQueryable<ToolUsage> usages);

    public static partial IQueryable<ToolCallDto> ProjectToToolCall(this IQueryable<ToolUsage> usages);

    public static partial IQueryable<MinimalUserDto> ProjectToMinimal(this IQueryable<User> users);

    // Nested arrays are loaded per page, ordered by (created_at, id): see AuditReadRepository.
    [MapperIgnoreTarget(nameof(InterceptionDto.TokenUsages))]
    [MapperIgnoreTarget(nameof(InterceptionDto.UserPrompts))]
    [MapperIgnoreTarget(nameof(InterceptionDto.ToolUsages))]
    [MapPropertyFromSource(nameof(InterceptionDto.Error), Use = nameof(ErrorOf))]
    private static partial InterceptionDto ToDto(Interception interception);

    private static InterceptionErrorDto? ErrorOf(Interception interception) =>
        interception.ErrorType == null ? null : new InterceptionErrorDto(interception.ErrorType, interception.ErrorMessage ?? "");

    private static partial MinimalUserDto ToMinimal(User user);

    private static partial TokenUsageDto ToDto(TokenUsage usage);

    private static partial UserPromptDto ToDto(UserPrompt prompt);

    private static partial ToolUsageDto ToDto(ToolUsage usage);

    private static partial ToolCallDto ToToolCall(ToolUsage usage);

    // A NULL server_url or invocation_error is "".
    private static string EmptyIfNull(string? value) => value ?? "";
}
