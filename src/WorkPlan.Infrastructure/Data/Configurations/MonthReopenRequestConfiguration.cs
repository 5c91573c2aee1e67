using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class MonthReopenRequestConfiguration : IEntityTypeConfiguration<MonthReopenRequest>
{
    public void Configure(EntityTypeBuilder<MonthReopenRequest> builder)
    {
        builder.ToTable("month_reopen_requests", table => table.HasCheckConstraint("ck_month_reopen_requests_month", "month BETWEEN 1 AND 12"));
        builder.Property(r => r.Reason).HasMaxLength(FieldLimits.Reason);
        builder.Property(r => r.RequestedById).HasMaxLength(FieldLimits.UserId);
        builder.Property(r => r.RequestedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(FieldLimits.ShortEnumName);
        builder.Property(r => r.DecidedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(r => r.DeclineReason).HasMaxLength(FieldLimits.Reason);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne<Core.Plans.Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PlanId, r.Month, r.Status });
    }
}
