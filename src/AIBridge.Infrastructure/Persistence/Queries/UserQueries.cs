using AIBridge.Domain.Users;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>
/// The user look-ups, as composable queries. Every public IQueryable builder in this namespace is
/// translated on all three providers by the tests (SQL Server without a server).
/// </summary>
public static class UserQueries
{
    public static IQueryable<User> ById(AIBridgeDbContext db, Guid id) => db.Users.Where(u => u.Id == id);

    public static IQueryable<User> ByUsername(AIBridgeDbContext db, string username)
    {
        var normalized = User.NormalizeUsername(username);
        return db.Users.Where(u => u.NormalizedUsername == normalized).NoneUnless(StoredText.CanBeStored(normalized));
    }

    public static IQueryable<User> ByEmail(AIBridgeDbContext db, string email)
    {
        var normalized = User.NormalizeEmail(email);
        return db.Users.Where(u => u.NormalizedEmail == normalized).NoneUnless(StoredText.CanBeStored(normalized));
    }

    public static IQueryable<User> ByUsernameOrEmail(AIBridgeDbContext db, string username, string email)
    {
        var normalizedUsername = User.NormalizeUsername(username);
        var normalizedEmail = User.NormalizeEmail(email);
        return db.Users.Where(u => u.NormalizedUsername == normalizedUsername || u.NormalizedEmail == normalizedEmail)
            .NoneUnless(StoredText.CanBeStored([normalizedUsername, normalizedEmail]));
    }
}
