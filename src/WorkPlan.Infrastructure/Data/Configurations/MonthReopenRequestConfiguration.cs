using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlan.Core.Actuals;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class MonthReopenRequestConfiguration : IEntityTypeConfiguration<MonthReopenRequest>
{
    public void Configure(EntityTypeBuilder<MonthReopenRequest> builder)
    {
        builder.ToTable("month_reopen_requests", table => table.HasCheckConstraint("ck_month_reopen_requests_month", "month BETWEEN 1 AND 12"));
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.RequestedById).HasMaxLength(450);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.DeclineReason).HasMaxLength(2000);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne<Core.Plans.Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PlanId, r.Month, r.Status });
    }
}
