using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class ClockStartConfiguration : IEntityTypeConfiguration<ClockStart>
{
    public void Configure(EntityTypeBuilder<ClockStart> builder) => builder.HasKey(c => c.ConfiguredStart);
}
