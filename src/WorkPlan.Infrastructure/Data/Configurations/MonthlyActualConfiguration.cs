using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlan.Core.Actuals;

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
        builder.Property(a => a.Note).HasMaxLength(1000);
        builder.Property(a => a.EnteredBy).HasMaxLength(450);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne(a => a.Indicator).WithMany().HasForeignKey(a => a.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.IndicatorId, a.Month }).IsUnique();
    }
}

internal sealed class ActualChangeConfiguration : IEntityTypeConfiguration<ActualChange>
{
    public void Configure(EntityTypeBuilder<ActualChange> builder)
    {
        builder.Property(c => c.OldNote).HasMaxLength(1000);
        builder.Property(c => c.NewNote).HasMaxLength(1000);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.HasOne<Core.Plans.Indicator>().WithMany().HasForeignKey(c => c.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.IndicatorId, c.Month, c.At });
    }
}

internal sealed class MonthReopeningConfiguration : IEntityTypeConfiguration<MonthReopening>
{
    public void Configure(EntityTypeBuilder<MonthReopening> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.HasOne<Core.Plans.Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PlanId, r.Month });
    }
}
