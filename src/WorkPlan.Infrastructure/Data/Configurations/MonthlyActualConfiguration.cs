using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlan.Core.Actuals;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class MonthlyActualConfiguration : IEntityTypeConfiguration<MonthlyActual>
{
    public void Configure(EntityTypeBuilder<MonthlyActual> builder)
    {
        builder.ToTable("monthly_actuals", table => table.HasCheckConstraint("ck_monthly_actuals_month", "month BETWEEN 1 AND 12"));
        builder.Property(a => a.Note).HasMaxLength(1000);
        builder.Property(a => a.EnteredBy).HasMaxLength(450);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne(a => a.Indicator).WithMany().HasForeignKey(a => a.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.IndicatorId, a.Month }).IsUnique();
    }
}
