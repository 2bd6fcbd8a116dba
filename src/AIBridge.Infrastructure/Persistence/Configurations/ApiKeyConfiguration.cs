using AIBridge.Domain.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(ApiKeyToken.IdLength).IsFixedLength();
        builder.Property(k => k.HashedSecret).HasMaxLength(32).IsRequired();
        builder.Property(k => k.LoginType).HasMaxLength(16).IsRequired();
        builder.Property(k => k.TokenName).HasMaxLength(64);
        builder.HasOne(k => k.User).WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);

        // Login sessions have no name (NULL, which a unique index does not compare), tokens a unique one.
        builder.HasIndex(k => new { k.UserId, k.TokenName }).IsUnique();
    }
}
