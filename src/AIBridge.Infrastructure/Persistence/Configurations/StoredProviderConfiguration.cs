using AIBridge.Domain.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

/// <summary>Providers added through the API, and their encrypted keys.</summary>
internal sealed class StoredProviderConfiguration : IEntityTypeConfiguration<StoredProvider>, IEntityTypeConfiguration<StoredProviderKey>
{
    public void Configure(EntityTypeBuilder<StoredProvider> builder)
    {
        builder.ToTable("aibridge_providers");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(StoredProvider.NameMaxLength).IsOrdinalText();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Type).HasMaxLength(StoredProvider.TypeMaxLength);
        builder.Property(p => p.DisplayName).HasMaxLength(StoredProvider.DisplayNameMaxLength);
        builder.Property(p => p.BaseUrl).HasMaxLength(StoredProvider.BaseUrlMaxLength);
        builder.Property(p => p.Settings).HasMaxLength(StoredProvider.SettingsMaxLength);
        builder.HasMany(p => p.Keys).WithOne().HasForeignKey(k => k.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StoredProviderKey> builder)
    {
        builder.ToTable("aibridge_provider_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Protected).HasMaxLength(StoredProviderKey.ProtectedMaxLength);
        builder.Property(k => k.Masked).HasMaxLength(StoredProviderKey.MaskedMaxLength);
        builder.HasIndex(k => new { k.ProviderId, k.Position });
    }
}
