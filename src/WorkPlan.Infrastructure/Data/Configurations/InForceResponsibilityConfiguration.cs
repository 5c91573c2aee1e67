using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Plans;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class InForceResponsibilityConfiguration : IEntityTypeConfiguration<InForceResponsibility>
{
    public void Configure(EntityTypeBuilder<InForceResponsibility> builder)
    {
        builder.ToTable("indicator_in_force_services", table => table.HasCheckConstraint("ck_indicator_in_force_services_position", "position >= 1"));
        builder.HasKey(r => new { r.IndicatorId, r.ServiceId });
        builder.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ServiceId);
    }
}
