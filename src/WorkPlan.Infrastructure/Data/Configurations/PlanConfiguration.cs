using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        // Versions count from 1: the first version of a plan is number 1.
        builder.ToTable(table => table.HasCheckConstraint("ck_plans_version_number", "version_number >= 1"));
        builder.Property(p => p.Title).HasMaxLength(FieldLimits.PlanTitle);
        builder.Property(p => p.ReturnReason).HasMaxLength(FieldLimits.Reason);
        builder.Property(p => p.AmendmentReason).HasMaxLength(FieldLimits.Reason);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.OrganisationId, p.Year }).IsUnique();
        builder.HasIndex(p => p.Year);
        builder.OwnsOne(p => p.Agreement, Signature("agreement"));
        builder.OwnsOne(p => p.Approval, Signature("approval"));
        builder.Navigation(p => p.Agreement).IsRequired();
        builder.Navigation(p => p.Approval).IsRequired();
        builder.HasMany(p => p.Sections).WithOne(s => s.Plan).HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Indicators).WithOne(i => i.Plan).HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }

    private static Action<OwnedNavigationBuilder<Plan, SignatureBlock>> Signature(string prefix) => signature =>
    {
        signature.Property(s => s.Title).HasColumnName($"{prefix}_title").HasMaxLength(FieldLimits.SignatureTitle);
        signature.Property(s => s.Name).HasColumnName($"{prefix}_name").HasMaxLength(FieldLimits.SignatureName);
        signature.Property(s => s.Date).HasColumnName($"{prefix}_date");
    };
}
