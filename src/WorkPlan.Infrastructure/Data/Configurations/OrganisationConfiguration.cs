using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(FieldLimits.Code);
        builder.Property(o => o.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(o => o.ShortName).HasMaxLength(FieldLimits.ShortName);
        builder.Property(o => o.DirectorTitle).HasMaxLength(FieldLimits.SignatureTitle);
        builder.Property(o => o.DirectorName).HasMaxLength(FieldLimits.SignatureName);
        builder.Property(o => o.DocumentLanguage).HasMaxLength(FieldLimits.DocumentLanguage).HasDefaultValue(Core.Reports.DocumentLanguages.Default);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => o.Code).IsUnique();
        builder.HasIndex(o => o.ParentId).IsUnique(false);
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);

        // "In this region" (a regional user's reach, a region's districts) is one indexed comparison.
        builder.HasIndex(o => o.RegionId);
        builder.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Services).WithOne(s => s.Organisation).HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
