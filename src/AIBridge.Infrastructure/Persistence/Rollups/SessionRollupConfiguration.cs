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
        // groups (same session id, read API §8.2) are found by it.
        builder.HasKey(r => new { r.SessionId, r.InitiatorId, r.Slice });
        builder.Property(r => r.SessionId).IsOrdinalText();
        builder.Property(r => r.Slice).IsOrdinalText();

        // Session lists read a slice newest first and stop after a page; the trailing columns make the
        // index cover the counts and the page, so neither reads the table.
        builder.HasIndex(r => new { r.Slice, r.LastActiveAt, r.SessionId, r.InitiatorId, r.Interceptions }, "ix_session_rollups_active")
            .IsDescending(false, true, true, false, false);
    }
}
