using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class PlanEventConfiguration : IEntityTypeConfiguration<PlanEvent>
{
    public void Configure(EntityTypeBuilder<PlanEvent> builder)
    {
        builder.ToTable(table => table.HasCheckConstraint("ck_plan_events_plan_version", "plan_version >= 1"));
        builder.Property(e => e.UserId).HasMaxLength(FieldLimits.UserId);
        builder.Property(e => e.UserName).HasMaxLength(FieldLimits.UserName);
        builder.Property(e => e.Comment).HasMaxLength(FieldLimits.Reason);
        builder.HasOne<Plan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.PlanId, e.At });
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> builder)
    {
        builder.ToTable(table =>
        {
            table.HasCheckConstraint("ck_plan_versions_number", "number >= 1");
            table.HasCheckConstraint("ck_plan_versions_schema_version", "schema_version >= 1");
        });
        builder.Property(v => v.Reason).HasMaxLength(FieldLimits.Reason);
        builder.Property(v => v.Snapshot).HasColumnType("jsonb");
        builder.HasOne<Plan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
    }
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(FieldLimits.UserId);
        builder.Property(p => p.Content).HasColumnType("jsonb");
        builder.HasIndex(p => p.UserId);
        builder.HasIndex(p => p.CreatedAt);
    }
}

internal sealed class ReportSubmissionConfiguration : IEntityTypeConfiguration<Core.Reports.ReportSubmission>
{
    public void Configure(EntityTypeBuilder<Core.Reports.ReportSubmission> builder)
    {
        builder.Property(r => r.SubmittedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(r => r.DecidedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(r => r.ReturnReason).HasMaxLength(FieldLimits.Reason);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PlanId, r.Quarter }).IsUnique();
        builder.HasMany(r => r.Snapshots).WithOne().HasForeignKey(s => s.ReportSubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Snapshots).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<Core.Reports.ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<Core.Reports.ReportSnapshot> builder)
    {
        builder.ToTable(table => table.HasCheckConstraint("ck_report_snapshots_schema_version", "schema_version >= 1"));
        builder.Property(s => s.Document).HasColumnType("jsonb");
        builder.Property(s => s.SubmittedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(s => s.DecidedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(s => s.ReturnReason).HasMaxLength(FieldLimits.Reason);
        builder.HasIndex(s => new { s.ReportSubmissionId, s.Number }).IsUnique();
    }
}
