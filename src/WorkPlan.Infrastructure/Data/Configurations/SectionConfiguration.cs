using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Label).HasMaxLength(FieldLimits.SectionLabel);
        builder.Property(s => s.Title).HasMaxLength(FieldLimits.SectionTitle);
        builder.HasIndex(s => new { s.PlanId, s.SortOrder });
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => new { s.PlanId, s.FormToken }).IsUnique().HasFilter("form_token IS NOT NULL");
        builder.Property(s => s.InForceLabel).HasMaxLength(FieldLimits.SectionLabel);
        builder.Property(s => s.InForceTitle).HasMaxLength(FieldLimits.SectionTitle);

        // What an open amendment removed is gone from the draft; figures read it with IgnoreQueryFilters.
        builder.HasQueryFilter(PlanRules.WithdrawnFilter, s => !s.IsWithdrawn);
    }
}
