using System.Reflection;
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
    }

    private static object SampleValue(Type type) =>
        type == typeof(string) ? "sample"
        : type == typeof(Guid) ? Guid.Parse("7a3c2b1e-0000-4000-8000-000000000001")
        : type == typeof(DateTime) ? new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)
        : type == typeof(int) ? 10
        : type == typeof(long) ? 10L
        : type == typeof(bool) ? true
        : throw new NotSupportedException($"Add a sample value for {type} to {nameof(QueryTranslationTests)}.");
}
