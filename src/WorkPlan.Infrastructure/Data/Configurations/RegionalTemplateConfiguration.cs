using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class RegionalTemplateConfiguration : IEntityTypeConfiguration<RegionalTemplate>
{
    public void Configure(EntityTypeBuilder<RegionalTemplate> builder)
    {
        builder.Property(t => t.PublishedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(t => t.Version).IsRowVersion();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.RegionId).IsUnique();
        builder.HasMany(t => t.Items).WithOne(i => i.Template).HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TemplateIndicatorConfiguration : IEntityTypeConfiguration<TemplateIndicator>
{
    public void Configure(EntityTypeBuilder<TemplateIndicator> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(FieldLimits.CatalogueCode);
        builder.Property(i => i.SectionLabel).HasMaxLength(FieldLimits.SectionLabel);
        builder.Property(i => i.SectionTitle).HasMaxLength(FieldLimits.SectionTitle);
        builder.Property(i => i.Number).HasMaxLength(FieldLimits.IndicatorNumber);
        builder.Property(i => i.Name).HasMaxLength(FieldLimits.IndicatorName);
        builder.Property(i => i.Unit).HasMaxLength(FieldLimits.Unit);
        builder.Property(i => i.Mechanism).HasColumnType("text[]");
        builder.Property(i => i.ServiceCodes).HasColumnType("text[]");
        builder.Property(i => i.Version).IsRowVersion();
        builder.OwnsOne(i => i.Schedule, ScheduleColumns.Map);
        builder.Navigation(i => i.Schedule).IsRequired();
        builder.HasOne(i => i.Parent).WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.TemplateId, i.Code }).IsUnique();
        builder.Property(i => i.NationalCode).HasMaxLength(FieldLimits.CatalogueCode);

        // A national indicator is counted from at most one indicator of each region (else the region's figure would count twice).
        builder.HasIndex(i => new { i.TemplateId, i.NationalCode }).IsUnique().HasFilter("national_code IS NOT NULL");
        builder.HasIndex(i => new { i.TemplateId, i.SortOrder });
        builder.HasIndex(i => i.ParentId);
    }
}
