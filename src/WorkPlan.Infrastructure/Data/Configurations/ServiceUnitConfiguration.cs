using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class ServiceUnitConfiguration : IEntityTypeConfiguration<ServiceUnit>
{
    public void Configure(EntityTypeBuilder<ServiceUnit> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(FieldLimits.Code);
        builder.Property(s => s.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(s => s.ShortName).HasMaxLength(FieldLimits.ShortName);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => new { s.OrganisationId, s.Code }).IsUnique();
    }
}
