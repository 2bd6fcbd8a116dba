using AIBridge.Domain.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

/// <summary>The hourly usage slices, written by the recorder with the hours (see <c>RecordTables</c>).</summary>
internal sealed class UsageHourSliceConfiguration : IEntityTypeConfiguration<UsageHourSlice>
{
    public void Configure(EntityTypeBuilder<UsageHourSlice> builder)
    {
        builder.ToTable("aibridge_usage_hour_slices");

        // A report reads one slice over a range of hours: one scan of the key.
        builder.HasKey(u => new { u.Dimensions, u.Hour, u.InitiatorId, u.Provider, u.ProviderName, u.Model, u.Client });
        builder.Property(u => u.Hour).ValueGeneratedNever();
        UsageTotalsColumns.Configure(builder);
    }
}
