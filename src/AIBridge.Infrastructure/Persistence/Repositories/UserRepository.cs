using System.Data;
using AIBridge.Application.Users;
using AIBridge.Domain.Users;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Repositories;

internal sealed class UserRepository(AIBridgeDbContext db) : IUserRepository
{
    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    public async Task<bool> TryAddFirstAsync(User user, CancellationToken cancellationToken)
    {
        // Serializable: of two concurrent first-user requests, one commits and the other either waits and
        // then sees the user (SQLite's immediate transaction) or fails to serialize (PostgreSQL, SQL Server).
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            if (await db.Users.AnyAsync(cancellationToken))
            {
                return false;
            }

            db.Users.Add(user);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (DatabaseErrors.IsConflict(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        UserQueries.ById(db, id).FirstOrDefaultAsync(cancellationToken);

    public Task<User?> FindByUsernameAsync(string username, CancellationToken cancellationToken) =>
        UserQueries.ByUsername(db, username).FirstOrDefaultAsync(cancellationToken);

    public Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        UserQueries.ByEmail(db, email).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> UsernameOrEmailTakenAsync(string username, string email, CancellationToken cancellationToken) =>
        UserQueries.ByUsernameOrEmail(db, username, email).AnyAsync(cancellationToken);

    public void Add(User user) => db.Users.Add(user);

    public async Task<IReadOnlyList<User>> ListAsync(Application.Users.Queries.ListUsers.UserFilter filter, CancellationToken cancellationToken) =>
        await UserQueries.Matching(db, filter).AsNoTracking().ToListAsync(cancellationToken);
}
