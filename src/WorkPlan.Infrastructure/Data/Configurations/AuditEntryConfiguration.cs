using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Common;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(FieldLimits.UserId);
        builder.Property(a => a.UserName).HasMaxLength(FieldLimits.UserName);
        builder.Property(a => a.Action).HasMaxLength(FieldLimits.AuditName);
        builder.Property(a => a.EntityType).HasMaxLength(FieldLimits.AuditName);
        builder.Property(a => a.EntityId).HasMaxLength(FieldLimits.AuditName);
        builder.Property(a => a.Before).HasColumnType("jsonb");
        builder.Property(a => a.After).HasColumnType("jsonb");
        builder.HasIndex(a => new { a.OrganisationId, a.At });
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
