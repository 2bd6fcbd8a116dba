using AIBridge.Domain.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

/// <summary>Price overrides set through the API; the shipped defaults are not stored.</summary>
internal sealed class ModelPriceConfiguration : IEntityTypeConfiguration<ModelPrice>
{
    public void Configure(EntityTypeBuilder<ModelPrice> builder)
    {
        builder.ToTable("aibridge_model_prices");
        builder.HasKey(p => new { p.ProviderType, p.Model });
        builder.Property(p => p.ProviderType).HasMaxLength(ModelPrice.ProviderTypeMaxLength).IsOrdinalText();
        builder.Property(p => p.Model).HasMaxLength(ModelPrice.ModelMaxLength).IsOrdinalText();
        builder.Property(p => p.CacheWrite1hMicros).HasColumnName("cache_write_1h_micros");
    }
}
