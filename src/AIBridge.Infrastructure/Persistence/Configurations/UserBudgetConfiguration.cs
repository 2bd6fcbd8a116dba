using AIBridge.Domain.Budgets;
using AIBridge.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

/// <summary>Users' own monthly budgets; the configured default is not stored.</summary>
internal sealed class UserBudgetConfiguration : IEntityTypeConfiguration<UserBudget>
{
    public void Configure(EntityTypeBuilder<UserBudget> builder)
    {
        builder.ToTable("aibridge_user_budgets");
        builder.HasKey(b => b.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<UserBudget>(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
