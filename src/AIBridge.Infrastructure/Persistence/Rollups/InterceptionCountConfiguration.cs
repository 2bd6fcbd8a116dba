using AIBridge.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Rollups;

internal sealed class InterceptionCountConfiguration : IEntityTypeConfiguration<InterceptionCount>
{
    public void Configure(EntityTypeBuilder<InterceptionCount> builder)
    {
        builder.ToTable("aibridge_interception_counts");
        builder.HasKey(c => new { c.InitiatorId, c.Slice });
        builder.Property(c => c.Slice).IsOrdinalText();
        builder.HasIndex(c => c.Slice, "ix_interception_counts_slice");
    }
}
