using AIBridge.Application.Audit.Dtos;

namespace AIBridge.Application.Audit.Threads;

/// <summary>Assembles a session's page of threads from its rows.</summary>
public static class SessionThreadsBuilder
{
    private const int CredentialHintMaxLength = 15;
    private const string MaskedHint = "...";

    public static SessionThreadsDto Build(SessionDto header, ThreadPageRows rows)
    {
        var usages = rows.TokenUsages.ToLookup(u => u.InterceptionId);
        var toolCalls = rows.ToolCalls.ToLookup(c => c.InterceptionId);
        var thoughts = rows.Thoughts.ToLookup(t => t.InterceptionId);
        var prompts = rows.RootPrompts.ToLookup(p => p.InterceptionId);
        var members = rows.Members.ToLookup(m => m.ThreadRootId!.Value);

        var threads = rows.Roots.Select(root =>
        {
            var thread = members[root.Id].Prepend(root).ToList();
            var last = thread[^1];
            return new ThreadDto
            {
                Id = root.Id,
                Prompt = prompts[root.Id].Select(p => p.Prompt).FirstOrDefault() is { Length: > 0 } prompt ? prompt : null,
                Model = root.Model,
                Provider = root.Provider,
                CredentialKind = root.CredentialKind,
                CredentialHint = SanitiseHint(root.CredentialHint),
                StartedAt = thread.Min(m => m.StartedAt),
                EndedAt = thread.Max(m => m.EndedAt),
                StatusCode = last.StatusCode,
                Error = InterceptionErrorDto.From(last.ErrorType, last.ErrorMessage),
                TokenUsage = Summarise(thread.SelectMany(m => usages[m.Id])),
                AgenticActions = thread
                    .Where(m => toolCalls[m.Id].Any())
                    .Select(m => new AgenticActionDto
                    {
                        Model = m.Model,
                        TokenUsage = Summarise(usages[m.Id]),
                        Thinking = thoughts[m.Id].Select(t => new ThinkingDto(t.Content)).ToList(),
                        ToolCalls = toolCalls[m.Id].ToList(),
                    })
                    .ToList(),
            };
        }).ToList();

        var pageRows = rows.Roots.Concat(rows.Members).ToList();
        return new SessionThreadsDto
        {
            Id = header.Id,
            Initiator = header.Initiator,
            Providers = header.Providers,
            Models = header.Models,
            Client = header.Client,
            Metadata = header.Metadata,
            PageStartedAt = pageRows.Count == 0 ? null : pageRows.Min(m => m.StartedAt),
            PageEndedAt = pageRows.Count == 0 ? null : pageRows.Max(m => m.EndedAt),
            StartedAt = header.StartedAt,
            EndedAt = header.EndedAt,
            TokenUsageSummary = new TokenUsageSummaryDto
            {
                InputTokens = header.TokenUsageSummary.InputTokens,
                OutputTokens = header.TokenUsageSummary.OutputTokens,
                CacheReadInputTokens = header.TokenUsageSummary.CacheReadInputTokens,
                CacheWriteInputTokens = header.TokenUsageSummary.CacheWriteInputTokens,
                Metadata = TokenMetadataAggregator.Sum(rows.SessionTokenMetadata),
            },
            Threads = threads,
        };
    }

    /// <summary>A stored hint is shown only when it looks masked; anything else could be a leaked secret.</summary>
    public static string SanitiseHint(string hint) =>
        hint.Length == 0 ? ""
        : hint.Length > CredentialHintMaxLength || !hint.Contains(MaskedHint, StringComparison.Ordinal) ? MaskedHint
        : hint;

    private static TokenUsageSummaryDto Summarise(IEnumerable<ThreadTokenUsage> usages)
    {
        var list = usages.ToList();
        return new TokenUsageSummaryDto
        {
            InputTokens = list.Sum(u => u.InputTokens),
            OutputTokens = list.Sum(u => u.OutputTokens),
            CacheReadInputTokens = list.Sum(u => u.CacheReadInputTokens),
            CacheWriteInputTokens = list.Sum(u => u.CacheWriteInputTokens),
            Metadata = TokenMetadataAggregator.Sum(list.Select(u => u.Metadata)),
        };
    }
}
