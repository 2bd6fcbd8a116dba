using AIBridge.Domain.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

/// <summary>The daily usage roll-up, written by the recorder with the hours (see <c>RecordTables</c>).</summary>
internal sealed class UsageDayConfiguration : IEntityTypeConfiguration<UsageDay>
{
    public void Configure(EntityTypeBuilder<UsageDay> builder)
    {
        builder.ToTable("aibridge_usage_days");
        builder.HasKey(u => new { u.Day, u.InitiatorId, u.Provider, u.ProviderName, u.Model, u.Client });
        builder.Property(u => u.Day).ValueGeneratedNever();
        UsageTotalsColumns.Configure(builder);
    }
}
