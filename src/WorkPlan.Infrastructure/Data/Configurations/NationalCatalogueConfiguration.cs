using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class NationalCatalogueConfiguration : IEntityTypeConfiguration<NationalCatalogue>
{
    public void Configure(EntityTypeBuilder<NationalCatalogue> builder)
    {
        builder.Property(c => c.PublishedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasMany(c => c.Items).WithOne(i => i.Catalogue).HasForeignKey(i => i.CatalogueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NationalIndicatorConfiguration : IEntityTypeConfiguration<NationalIndicator>
{
    public void Configure(EntityTypeBuilder<NationalIndicator> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(FieldLimits.CatalogueCode);
        builder.Property(i => i.SectionLabel).HasMaxLength(FieldLimits.SectionLabel);
        builder.Property(i => i.SectionTitle).HasMaxLength(FieldLimits.SectionTitle);
        builder.Property(i => i.Number).HasMaxLength(FieldLimits.IndicatorNumber);
        builder.Property(i => i.Name).HasMaxLength(FieldLimits.IndicatorName);
        builder.Property(i => i.Unit).HasMaxLength(FieldLimits.Unit);
        builder.Property(i => i.PublishedBy).HasMaxLength(FieldLimits.UserName);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasIndex(i => new { i.CatalogueId, i.SortOrder });
    }
}
