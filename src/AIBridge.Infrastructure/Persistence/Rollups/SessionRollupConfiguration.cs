using AIBridge.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Rollups;

internal sealed class SessionRollupConfiguration : IEntityTypeConfiguration<SessionRollup>
{
    public void Configure(EntityTypeBuilder<SessionRollup> builder)
    {
        builder.ToTable("aibridge_session_rollups");

        // Key first by session: the triggers rebuild one (session, initiator) at a time, and a block's
        // groups (same session id) are found by it.
        builder.HasKey(r => new { r.SessionId, r.InitiatorId, r.Slice });
        builder.Property(r => r.SessionId).IsOrdinalText();
        builder.Property(r => r.Slice).IsOrdinalText();

        // Session lists read a slice newest first and stop after a page; with the initiator the index
        // covers the count and the page. The figures that change on every completed interception are
        // left out of it, so that those updates need no index change (PostgreSQL: a HOT update).
        builder.HasIndex(r => new { r.Slice, r.LastActiveAt, r.SessionId, r.InitiatorId }, "ix_session_rollups_active")
            .IsDescending(false, true, true, false);
    }
}
