using AIBridge.Application.Gateway.Recording;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Recording;

/// <summary>A batch's token uses: one update of the token's <c>last_used</c> and its user's <c>last_seen_at</c> each.</summary>
internal static class KeyTouches
{
    public static async Task WriteAsync(AIBridgeDbContext db, IEnumerable<ApiKeyUsed> touches, CancellationToken cancellationToken)
    {
        foreach (var touch in touches)
        {
            await ApiKeyQueries.ById(db, touch.KeyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsed, touch.At), cancellationToken);
            await UserQueries.ById(db, touch.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSeenAt, touch.At), cancellationToken);
        }
    }
}
