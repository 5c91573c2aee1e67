using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.ShortName).HasMaxLength(120);
        builder.Property(o => o.DirectorTitle).HasMaxLength(300);
        builder.Property(o => o.DirectorName).HasMaxLength(120);
        builder.Property(o => o.DocumentLanguage).HasMaxLength(8).HasDefaultValue(Core.Reports.DocumentLanguages.Default);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => o.Code).IsUnique();
        builder.HasIndex(o => o.ParentId);
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Services).WithOne(s => s.Organisation).HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
