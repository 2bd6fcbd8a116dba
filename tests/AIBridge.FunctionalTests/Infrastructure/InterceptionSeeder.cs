using AIBridge.Domain.Interceptions;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>Writes interceptions straight into the test database, as the gateway's recorder would.</summary>
public sealed class InterceptionSeeder(DatabaseFixture fixture)
{
    private static readonly DateTime Base = new(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public async Task<Interception> AddAsync(Guid initiatorId, string model = "claude-4", string? client = null,
        string provider = "anthropic", bool completed = true, int minute = 0)
    {
        var id = Guid.NewGuid();
        var interception = new Interception
        {
            Id = id,
            InitiatorId = initiatorId,
            ApiKeyId = "abcdefghij",
            Provider = provider,
            ProviderName = provider,
            Model = model,
            Client = client,
            SessionId = Interception.DeriveSessionId(null, null, id),
            Metadata = "{}",
            StartedAt = Base.AddMinutes(minute),
            EndedAt = completed ? Base.AddMinutes(minute + 1) : null,
        };
        await using var db = fixture.CreateDbContext();
        db.Interceptions.Add(interception);
        await db.SaveChangesAsync();
        return interception;
    }
}
