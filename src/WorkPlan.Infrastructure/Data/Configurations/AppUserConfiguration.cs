using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(FieldLimits.PersonName);
        builder.Property(u => u.Position).HasMaxLength(FieldLimits.Position);
        builder.Property(u => u.Role).HasMaxLength(FieldLimits.Role);
        builder.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Service).WithMany().HasForeignKey(u => u.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.Language).HasMaxLength(8);
        builder.HasIndex(u => u.OrganisationId);
        builder.HasIndex(u => u.ServiceId);
    }
}
