using System.Text.Json;
using AIBridge.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Username).HasMaxLength(64).IsRequired();
        builder.Property(u => u.NormalizedUsername).HasMaxLength(64).IsRequired();
        builder.Property(u => u.Email).HasMaxLength(320).IsRequired();
        builder.Property(u => u.NormalizedEmail).HasMaxLength(320).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(128).HasDefaultValue("");
        builder.Property(u => u.AvatarUrl).HasDefaultValue("");
        builder.Property(u => u.HashedPassword).IsRequired();
        builder.Property(u => u.Status).HasMaxLength(32).HasDefaultValue(UserStatus.Active);
        builder.Property(u => u.Roles)
            .HasConversion(
                roles => JsonSerializer.Serialize(roles, (JsonSerializerOptions?)null),
                text => JsonSerializer.Deserialize<string[]>(text, (JsonSerializerOptions?)null) ?? Array.Empty<string>(),
                new ValueComparer<IReadOnlyList<string>>(
                    (a, b) => (a ?? Array.Empty<string>()).SequenceEqual(b ?? Array.Empty<string>()),
                    v => v.Aggregate(0, (hash, role) => HashCode.Combine(hash, role.GetHashCode(StringComparison.Ordinal))),
                    v => v.ToArray()))
            .HasMaxLength(64)
            .IsRequired();
        builder.Ignore(u => u.IsOwner);

        // Usernames and e-mails are unique case-insensitively on every provider.
        builder.HasIndex(u => u.NormalizedUsername).IsUnique();
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
    }
}
