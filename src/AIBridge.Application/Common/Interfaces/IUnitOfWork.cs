namespace AIBridge.Application.Common.Interfaces;

/// <summary>Commits what the repositories of one request changed, in one transaction.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
