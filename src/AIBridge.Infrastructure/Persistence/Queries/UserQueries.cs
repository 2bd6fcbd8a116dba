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

    /// <summary>Exact username and e-mail (case-insensitive), status, and a search term in either; by username.</summary>
    public static IQueryable<User> Matching(AIBridgeDbContext db, Application.Users.Queries.ListUsers.UserFilter filter)
    {
        var users = db.Users.AsQueryable();
        if (filter.Username is { } username)
        {
            var normalized = User.NormalizeUsername(username);
            users = users.Where(u => u.NormalizedUsername == normalized);
        }

        if (filter.Email is { } email)
        {
            var normalized = User.NormalizeEmail(email);
            users = users.Where(u => u.NormalizedEmail == normalized);
        }

        if (filter.Status is { } status)
        {
            users = users.Where(u => u.Status == status);
        }

        if (filter.Search is { } search)
        {
            // The normalized columns are lower-case on every database, so Contains is case-insensitive without a collation.
            var term = search.ToLowerInvariant();
            users = users.Where(u => u.NormalizedUsername.Contains(term) || u.NormalizedEmail.Contains(term));
        }

        return users.OrderBy(u => u.NormalizedUsername).NoneUnless(StoredText.CanBeStored([filter.Username!, filter.Email!, filter.Search!]));
    }
}
