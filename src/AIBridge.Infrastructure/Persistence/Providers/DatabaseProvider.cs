namespace AIBridge.Infrastructure.Persistence.Providers;

/// <summary>Values of <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
