using AIBridge.Domain.Users;

namespace AIBridge.Application.Users;

public interface IUserRepository
{
    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>Inserts <paramref name="user"/> only while no user exists; false when another got there first.</summary>
    Task<bool> TryAddFirstAsync(User user, CancellationToken cancellationToken);

    Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Case-insensitive.</summary>
    Task<User?> FindByUsernameAsync(string username, CancellationToken cancellationToken);

    /// <summary>Case-insensitive.</summary>
    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<bool> UsernameOrEmailTakenAsync(string username, string email, CancellationToken cancellationToken);

    void Add(User user);

    /// <summary>Users matching every filter but the role, by username.</summary>
    Task<IReadOnlyList<User>> ListAsync(Queries.ListUsers.UserFilter filter, CancellationToken cancellationToken);
}
