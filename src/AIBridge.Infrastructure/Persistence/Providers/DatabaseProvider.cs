namespace AIBridge.Infrastructure.Persistence.Providers;

/// <summary>Values of <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>The provider this process runs on, for the few places that must know.</summary>
public sealed record DatabaseSelection(DatabaseProvider Provider);
