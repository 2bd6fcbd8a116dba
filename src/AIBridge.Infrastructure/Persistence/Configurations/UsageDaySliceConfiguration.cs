using AIBridge.Domain.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

/// <summary>The daily usage slices, written by the recorder with the hours (see <c>RecordTables</c>).</summary>
internal sealed class UsageDaySliceConfiguration : IEntityTypeConfiguration<UsageDaySlice>
{
    public void Configure(EntityTypeBuilder<UsageDaySlice> builder)
    {
        builder.ToTable("aibridge_usage_day_slices");
        builder.HasKey(u => new { u.Dimensions, u.Day, u.InitiatorId, u.Provider, u.ProviderName, u.Model, u.Client });
        builder.Property(u => u.Day).ValueGeneratedNever();
        UsageTotalsColumns.Configure(builder);
    }
}
