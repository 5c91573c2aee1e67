using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Regional;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class RegionalReportSubmissionConfiguration : IEntityTypeConfiguration<RegionalReportSubmission>
{
    public void Configure(EntityTypeBuilder<RegionalReportSubmission> builder)
    {
        builder.ToTable(table => table.HasCheckConstraint("ck_regional_report_submissions_quarter", "quarter BETWEEN 1 AND 4"));
        builder.Property(r => r.SubmittedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(r => r.DecidedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(r => r.ReturnReason).HasMaxLength(FieldLimits.Reason);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RegionId, r.Year, r.Quarter }).IsUnique();
        builder.HasMany(r => r.Snapshots).WithOne().HasForeignKey(s => s.RegionalReportSubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Snapshots).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RegionalReportSnapshotConfiguration : IEntityTypeConfiguration<RegionalReportSnapshot>
{
    public void Configure(EntityTypeBuilder<RegionalReportSnapshot> builder)
    {
        builder.ToTable(table => table.HasCheckConstraint("ck_regional_report_snapshots_schema_version", "schema_version >= 1"));
        builder.Property(s => s.Document).HasColumnType("jsonb");
        builder.Property(s => s.SubmittedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(s => s.DecidedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(s => s.ReturnReason).HasMaxLength(FieldLimits.Reason);
        builder.HasIndex(s => new { s.RegionalReportSubmissionId, s.Number }).IsUnique();
    }
}
