using AIBridge.Domain.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

/// <summary>The hourly usage roll-up, written by the recorder with each batch (see <c>RecordTables</c>).</summary>
internal sealed class UsageHourConfiguration : IEntityTypeConfiguration<UsageHour>
{
    public void Configure(EntityTypeBuilder<UsageHour> builder)
    {
        builder.ToTable("aibridge_usage_hours");

        // Reports read a range of hours: the key starts with the hour so that the range is one scan.
        builder.HasKey(u => new { u.Hour, u.InitiatorId, u.Provider, u.ProviderName, u.Model, u.Client });
        builder.Property(u => u.Hour).ValueGeneratedNever();
        UsageTotalsColumns.Configure(builder);

        // A budget reads one user's month.
        builder.HasIndex(u => new { u.InitiatorId, u.Hour }, "ix_usage_hours_initiator");
    }
}
