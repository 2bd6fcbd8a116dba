using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

/// <summary>The columns the hourly and daily usage roll-ups share.</summary>
internal static class UsageTotalsColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : UsageTotals
    {
        builder.Property(u => u.Provider).IsOrdinalText();
        builder.Property(u => u.ProviderName).IsOrdinalText();
        builder.Property(u => u.Model).IsOrdinalText();
        builder.Property(u => u.Client).HasMaxLength(Interception.ClientMaxLength).IsOrdinalText();
        foreach (var bucket in Enumerable.Range(0, TtfbHistogram.Buckets))
        {
            builder.Property<long>(TtfbHistogram.Column(bucket)).HasColumnName(TtfbHistogram.Column(bucket));
        }
    }

    /// <summary>SQL Server cannot index nvarchar(max): these bounds are the gateway's truncation limits.</summary>
    public static void BoundKeys<T>(EntityTypeBuilder<T> builder)
        where T : UsageTotals
    {
        builder.Property(u => u.Provider).HasMaxLength(64);
        builder.Property(u => u.ProviderName).HasMaxLength(64);
        builder.Property(u => u.Model).HasMaxLength(256);
    }
}
