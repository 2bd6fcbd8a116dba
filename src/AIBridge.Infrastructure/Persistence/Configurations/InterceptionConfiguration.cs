using AIBridge.Domain.Interceptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

internal sealed class InterceptionConfiguration : IEntityTypeConfiguration<Interception>
{
    public void Configure(EntityTypeBuilder<Interception> builder)
    {
        builder.ToTable("aibridge_interceptions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ApiKeyId).HasMaxLength(10);
        builder.Property(i => i.Provider).IsRequired().IsOrdinalText();
        builder.Property(i => i.ProviderName).IsRequired().HasDefaultValue("");
        builder.Property(i => i.Model).IsRequired().IsOrdinalText();
        builder.Property(i => i.Client).HasMaxLength(Interception.ClientMaxLength).IsOrdinalText();
        builder.Property(i => i.ClientSessionId).HasMaxLength(Interception.ClientSessionIdMaxLength);
        builder.Property(i => i.SessionId).IsRequired().IsOrdinalText();
        builder.Property(i => i.Metadata).IsJson();
        builder.Property(i => i.CredentialKind).HasMaxLength(16).IsRequired().HasDefaultValue(CredentialKind.Centralized);
        builder.Property(i => i.CredentialHint).HasMaxLength(Interception.CredentialHintMaxLength).IsRequired().HasDefaultValue("");
        builder.Property(i => i.GatewayInstance).HasMaxLength(Interception.GatewayInstanceMaxLength);
        builder.Property(i => i.ErrorType).HasMaxLength(Interception.ErrorTypeMaxLength).IsOrdinalText();
        builder.Property(i => i.ErrorMessage).HasMaxLength(Interception.ErrorMessageMaxLength);
        builder.Property(i => i.SystemHash).HasMaxLength(Interception.FingerprintLength).IsOrdinalText();
        builder.Property(i => i.ToolsHash).HasMaxLength(Interception.FingerprintLength).IsOrdinalText();

        // Users are never deleted: every interception keeps a resolvable initiator.
        builder.HasOne(i => i.Initiator).WithMany().HasForeignKey(i => i.InitiatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.TokenUsages).WithOne().HasForeignKey(t => t.InterceptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.UserPrompts).WithOne().HasForeignKey(p => p.InterceptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.ToolUsages).WithOne().HasForeignKey(t => t.InterceptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.ModelThoughts).WithOne().HasForeignKey(t => t.InterceptionId).OnDelete(DeleteBehavior.Cascade);

        // The read API only ever reads completed rows, so its indexes hold only those.
        builder.HasIndex(i => new { i.StartedAt, i.Id }, "ix_interceptions_started").IsDescending(true, true).HasFilter(ModelAnnotations.CompletedFilter);
        builder.HasIndex(i => new { i.InitiatorId, i.StartedAt, i.Id }, "ix_interceptions_initiator_started")
            .IsDescending(false, true, true).HasFilter(ModelAnnotations.CompletedFilter);
        builder.HasIndex(i => new { i.SessionId, i.InitiatorId }, "ix_interceptions_session").HasFilter(ModelAnnotations.CompletedFilter);
        builder.HasIndex(i => i.ThreadRootId, "ix_interceptions_thread_root");
        builder.HasIndex(i => i.ThreadParentId, "ix_interceptions_thread_parent");
        builder.HasIndex(i => i.Provider, "ix_interceptions_provider").HasFilter(ModelAnnotations.CompletedFilter);
        builder.HasIndex(i => i.Model, "ix_interceptions_model").HasFilter(ModelAnnotations.CompletedFilter);
        builder.HasIndex(i => i.Client, "ix_interceptions_client").HasFilter(ModelAnnotations.CompletedFilter);
        builder.HasIndex(i => i.ClientSessionId, "ix_interceptions_client_session");

        // Only rows in flight: a restarted process finds what it left open without scanning the table.
        builder.HasIndex(i => i.GatewayInstance, "ix_interceptions_open_instance").HasFilter(ModelAnnotations.InFlightFilter);
    }
}
