using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Users;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>
/// Writes interceptions and their sub-records straight into the test database, as the gateway's
/// recorder would. Times are minutes after <see cref="Base"/>, so tests read as a timeline.
/// </summary>
public sealed class InterceptionSeeder(DatabaseFixture fixture)
{
    public static readonly DateTime Base = new(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static DateTime At(double minute) => Base.AddMinutes(minute);

    public async Task<Interception> AddAsync(Guid initiatorId, string model = "claude-4", string? client = null,
        string provider = "anthropic", bool completed = true, int minute = 0)
    {
        var interception = New(initiatorId, model, client, provider, completed, minute);
        await SaveAsync(interception);
        return interception;
    }

    /// <summary>An interception not yet saved; set lineage, session and children, then <see cref="SaveAsync"/>.</summary>
    public static Interception New(Guid initiatorId, string model = "claude-4", string? client = null,
        string provider = "anthropic", bool completed = true, double minute = 0, string? clientSessionId = null, Interception? parent = null)
    {
        var id = Guid.NewGuid();
        var rootId = parent is null ? (Guid?)null : parent.ThreadRootId ?? parent.Id;
        return new Interception
        {
            Id = id,
            InitiatorId = initiatorId,
            ApiKeyId = "abcdefghij",
            Provider = provider,
            ProviderName = provider,
            Model = model,
            Client = client,
            ClientSessionId = clientSessionId,
            ThreadParentId = parent?.Id,
            ThreadRootId = rootId,
            SessionId = Interception.DeriveSessionId(clientSessionId, rootId, id),
            Metadata = "{}",
            StartedAt = At(minute),
            EndedAt = completed ? At(minute + 1) : null,
        };
    }

    /// <summary>A user to be the initiator, straight in the database (no API, no token).</summary>
    public async Task<Guid> AddUserAsync(string name)
    {
        await using var db = fixture.CreateDbContext();
        var user = User.Create(name, name + "@example.com", "", "hash", [], DateTime.UtcNow);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public async Task SaveAsync(params Interception[] interceptions)
    {
        await using var db = fixture.CreateDbContext();
        db.Interceptions.AddRange(interceptions);
        await db.SaveChangesAsync();
    }
}

/// <summary>Sub-records, added in the order a test reads them; each is created a second after the last.</summary>
public static class InterceptionChildren
{
    public static Interception WithPrompt(this Interception i, string prompt, double? minute = null)
    {
        i.UserPrompts.Add(new UserPrompt
        {
            Id = Guid.NewGuid(), InterceptionId = i.Id, ProviderResponseId = "msg_" + i.Id.ToString("N")[..8], Prompt = prompt,
            Metadata = "{}", CreatedAt = minute is { } m ? InterceptionSeeder.At(m) : NextChildTime(i),
        });
        return i;
    }

    public static Interception WithTokens(this Interception i, long input, long output, string metadata = "{}", long cacheRead = 0, long cacheWrite = 0)
    {
        i.TokenUsages.Add(new TokenUsage
        {
            Id = Guid.NewGuid(), InterceptionId = i.Id, ProviderResponseId = "msg_" + i.Id.ToString("N")[..8], InputTokens = input, OutputTokens = output,
            CacheReadInputTokens = cacheRead, CacheWriteInputTokens = cacheWrite, Metadata = metadata, CreatedAt = NextChildTime(i),
        });
        return i;
    }

    public static Interception WithTool(this Interception i, string tool, string input = "{}", string? serverUrl = null, string? invocationError = null)
    {
        i.ToolUsages.Add(new ToolUsage
        {
            Id = Guid.NewGuid(), InterceptionId = i.Id, ProviderResponseId = "msg_" + i.Id.ToString("N")[..8], ProviderToolCallId = "toolu_" + Guid.NewGuid().ToString("N")[..10],
            Tool = tool, Input = input, ServerUrl = serverUrl, Injected = serverUrl is not null, InvocationError = invocationError,
            Metadata = "{}", CreatedAt = NextChildTime(i),
        });
        return i;
    }

    public static Interception WithThought(this Interception i, string content)
    {
        i.ModelThoughts.Add(new ModelThought
        {
            Id = Guid.NewGuid(), InterceptionId = i.Id, Content = content, Metadata = """{"source":"thinking"}""", CreatedAt = NextChildTime(i),
        });
        return i;
    }

    private static DateTime NextChildTime(Interception i) =>
        i.StartedAt.AddSeconds(1 + i.UserPrompts.Count + i.TokenUsages.Count + i.ToolUsages.Count + i.ModelThoughts.Count);
}
