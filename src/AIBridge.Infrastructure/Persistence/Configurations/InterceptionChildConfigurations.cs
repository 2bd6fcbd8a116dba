using AIBridge.Domain.Interceptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

internal sealed class TokenUsageConfiguration : IEntityTypeConfiguration<TokenUsage>
{
    public void Configure(EntityTypeBuilder<TokenUsage> builder)
    {
        builder.ToTable("aibridge_token_usages");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ProviderResponseId).IsRequired().HasDefaultValue("");
        builder.Property(t => t.Metadata).IsJson();
        builder.HasIndex(t => new { t.InterceptionId, t.CreatedAt, t.Id }, "ix_token_usages_interception");
    }
}

internal sealed class UserPromptConfiguration : IEntityTypeConfiguration<UserPrompt>
{
    public void Configure(EntityTypeBuilder<UserPrompt> builder)
    {
        builder.ToTable("aibridge_user_prompts");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ProviderResponseId).IsRequired().HasDefaultValue("");
        builder.Property(p => p.Metadata).IsJson();
        builder.HasIndex(p => new { p.InterceptionId, p.CreatedAt, p.Id }, "ix_user_prompts_interception");
    }
}

internal sealed class ToolUsageConfiguration : IEntityTypeConfiguration<ToolUsage>
{
    public void Configure(EntityTypeBuilder<ToolUsage> builder)
    {
        builder.ToTable("aibridge_tool_usages");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ProviderResponseId).IsRequired().HasDefaultValue("");
        builder.Property(t => t.ProviderToolCallId).HasMaxLength(256);
        builder.Property(t => t.Metadata).IsJson();
        builder.HasIndex(t => new { t.InterceptionId, t.CreatedAt, t.Id }, "ix_tool_usages_interception");
        builder.HasIndex(t => new { t.ProviderToolCallId, t.CreatedAt }, "ix_tool_usages_call").IsDescending(false, true);
    }
}

internal sealed class ModelThoughtConfiguration : IEntityTypeConfiguration<ModelThought>
{
    public void Configure(EntityTypeBuilder<ModelThought> builder)
    {
        builder.ToTable("aibridge_model_thoughts");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Metadata).IsJson();
        builder.HasIndex(t => new { t.InterceptionId, t.CreatedAt, t.Id }, "ix_model_thoughts_interception");
    }
}
