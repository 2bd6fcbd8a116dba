using System.Reflection;
using AIBridge.Application.Audit;
using AIBridge.Application.Users.Queries.ListUsers;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Providers;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.FunctionalTests.Persistence;

/// <summary>
/// Every query the repositories run is a public IQueryable builder in the Queries namespace. Each is
/// translated to SQL on every provider, SQL Server included, with no connection (<c>ToQueryString</c>):
/// a LINQ shape one provider cannot translate fails here rather than in production.
/// </summary>
public sealed class QueryTranslationTests
{
    private static readonly MethodInfo[] Builders = typeof(UserQueries).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(UserQueries).Namespace && t.IsAbstract && t.IsSealed)
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IQueryable<>))
        .Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(AIBridgeDbContext))
        .ToArray();

    public static TheoryData<DatabaseProvider, string> Cases()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            foreach (var builder in Builders)
            {
                data.Add(provider, $"{builder.DeclaringType!.Name}.{builder.Name}");
            }
        }

        return data;
    }

    [Fact]
    public void The_builders_are_found()
    {
        Builders.Length.Should().BeGreaterThanOrEqualTo(8);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Query_translates(DatabaseProvider provider, string builderName)
    {
        using var db = DatabaseOptions.CreateContext(provider, MigrationDriftTests.OfflineConnectionString(provider));
        var builder = Builders.Single(b => $"{b.DeclaringType!.Name}.{b.Name}" == builderName);
        var arguments = builder.GetParameters().Select(p => p.ParameterType == typeof(AIBridgeDbContext) ? db : SampleValue(p.ParameterType)).ToArray();

        var query = (IQueryable)builder.Invoke(null, arguments)!;
        var sql = query.ToQueryString();

        sql.Should().Contain("SELECT");
        if (Environment.GetEnvironmentVariable("AIBRIDGE_DUMP_SQL") is { Length: > 0 } folder)
        {
            // For reading the SQL each provider runs: AIBRIDGE_DUMP_SQL=/tmp/sql build/test.sh --filter QueryTranslation
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"{provider}.{builderName}.sql"), sql);
        }
    }

    private static readonly Guid SampleId = Guid.Parse("7a3c2b1e-0000-4000-8000-000000000001");
    private static readonly DateTime SampleTime = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // Filters and cursors are given with every optional part set, so every branch is translated.
    private static object SampleValue(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? SampleValue(underlying)
        : type == typeof(AuditFilter) ? new AuditFilter
        {
            CallerCanRead = true,
            InitiatorId = SampleId,
            Provider = "anthropic",
            Model = "claude-4",
            Client = "Cursor",
            SessionId = "session",
            Failed = true,
            StartedAfter = SampleTime,
            StartedBefore = SampleTime.AddDays(1),
        }
        : type == typeof(UserFilter) ? new UserFilter("dev", "dev", "dev@example.com", "active", "owner")
        : type == typeof(CursorRow) ? new CursorRow(SampleId, "session", SampleTime)
        : type == typeof(SessionBlockRow) ? new SessionBlockRow { SessionId = "session", LastActiveAt = SampleTime }
        : type == typeof(IReadOnlyCollection<string>) ? new[] { "session-a", "session-b" }
        : type == typeof(IReadOnlyCollection<Guid>) ? new[] { SampleId, Guid.Empty }
        : type == typeof(string) ? "sample"
        : type == typeof(Guid) ? SampleId
        : type == typeof(DateTime) ? SampleTime
        : type == typeof(int) ? 10
        : type == typeof(long) ? 10L
        : type == typeof(bool) ? true
        : throw new NotSupportedException($"Add a sample value for {type} to {nameof(QueryTranslationTests)}.");
}
