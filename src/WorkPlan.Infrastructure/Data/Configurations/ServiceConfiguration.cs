using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.ShortName).HasMaxLength(120);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => new { s.OrganisationId, s.Code }).IsUnique();
    }
}
