using AIBridge.Infrastructure.Retention;
using AIBridge.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AIBridge.Infrastructure.Persistence.Configurations;

/// <summary>
/// One row per shared periodic job, made by the migration (already due), so that processes starting
/// together on a new database only ever update it.
/// </summary>
internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("aibridge_job_leases");
        builder.HasKey(j => j.Name);
        builder.Property(j => j.Name).HasMaxLength(JobLease.NameMaxLength).IsOrdinalText();
        builder.Property(j => j.Holder).HasMaxLength(JobLease.HolderMaxLength);
        builder.HasData(new JobLease { Name = RetentionJob.LeaseName, DueAt = DateTime.UnixEpoch });
    }
}
