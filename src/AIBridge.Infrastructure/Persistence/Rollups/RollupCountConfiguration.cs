using AIBridge.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Rollups;

internal sealed class RollupCountConfiguration : IEntityTypeConfiguration<RollupCount>
{
    public void Configure(EntityTypeBuilder<RollupCount> builder)
    {
        builder.ToTable("aibridge_rollup_counts");
        builder.HasKey(c => new { c.InitiatorId, c.Slice });
        builder.Property(c => c.Slice).IsOrdinalText();
        builder.HasIndex(c => c.Slice, "ix_rollup_counts_slice");
    }
}
