using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class MonthlyActualConfiguration : IEntityTypeConfiguration<MonthlyActual>
{
    public void Configure(EntityTypeBuilder<MonthlyActual> builder)
    {
        builder.ToTable("monthly_actuals", table =>
        {
            table.HasCheckConstraint("ck_monthly_actuals_month", "month BETWEEN 1 AND 12");
            table.HasCheckConstraint("ck_monthly_actuals_value_or_note", "value IS NOT NULL OR note IS NOT NULL");
        });
        builder.Property(a => a.Note).HasMaxLength(FieldLimits.Note);
        builder.Property(a => a.EnteredBy).HasMaxLength(FieldLimits.UserId);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne(a => a.Indicator).WithMany().HasForeignKey(a => a.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.IndicatorId, a.Month }).IsUnique();
    }
}

internal sealed class ActualChangeConfiguration : IEntityTypeConfiguration<ActualChange>
{
    public void Configure(EntityTypeBuilder<ActualChange> builder)
    {
        builder.Property(c => c.NoteBefore).HasMaxLength(FieldLimits.Note);
        builder.Property(c => c.NoteAfter).HasMaxLength(FieldLimits.Note);
        builder.Property(c => c.UserId).HasMaxLength(FieldLimits.UserId);
        builder.Property(c => c.UserName).HasMaxLength(FieldLimits.UserName);
        builder.HasOne<Core.Plans.Indicator>().WithMany().HasForeignKey(c => c.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.IndicatorId, c.Month, c.At });
    }
}

internal sealed class MonthReopeningConfiguration : IEntityTypeConfiguration<MonthReopening>
{
    public void Configure(EntityTypeBuilder<MonthReopening> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(FieldLimits.Reason);
        builder.Property(r => r.UserId).HasMaxLength(FieldLimits.UserId);
        builder.Property(r => r.UserName).HasMaxLength(FieldLimits.UserName);
        builder.HasOne<Core.Plans.Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PlanId, r.Month });
    }
}
