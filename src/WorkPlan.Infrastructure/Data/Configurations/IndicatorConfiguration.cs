using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Number).HasMaxLength(FieldLimits.IndicatorNumber);
        builder.Property(i => i.Name).HasMaxLength(FieldLimits.IndicatorName);
        builder.Property(i => i.Unit).HasMaxLength(FieldLimits.Unit);
        builder.Property(i => i.Deadline).HasMaxLength(FieldLimits.Deadline);
        builder.Property(i => i.Mechanism).HasColumnType("text[]");
        builder.Property(i => i.Version).IsRowVersion();
        builder.OwnsOne(i => i.Schedule, ScheduleColumns.Map);
        builder.Navigation(i => i.Schedule).IsRequired();
        builder.HasOne(i => i.Section).WithMany().HasForeignKey(i => i.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Parent).WithMany(i => i.Children).HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.PlanId, i.Number }).IsUnique().HasFilter("NOT is_withdrawn");
        builder.HasIndex(i => new { i.PlanId, i.SortOrder });
        builder.HasIndex(i => new { i.PlanId, i.FormToken }).IsUnique().HasFilter("form_token IS NOT NULL");
        builder.HasIndex(i => i.SectionId);
        builder.HasIndex(i => i.ParentId);
        builder.Property(i => i.CatalogueCode).HasMaxLength(FieldLimits.CatalogueCode);
        builder.HasIndex(i => new { i.PlanId, i.CatalogueCode }).IsUnique().HasFilter("catalogue_code IS NOT NULL AND NOT is_withdrawn");

        // The values in force (PlanRules.RowsInForce), which every figure reads while an amendment's draft changes the row.
        builder.Property(i => i.InForceNumber).HasMaxLength(FieldLimits.IndicatorNumber);
        builder.Property(i => i.InForceName).HasMaxLength(FieldLimits.IndicatorName);
        builder.Property(i => i.InForceUnit).HasMaxLength(FieldLimits.Unit);
        builder.Property(i => i.InForceDeadline).HasMaxLength(FieldLimits.Deadline);
        builder.Property(i => i.InForceMechanism).HasColumnType("text[]");
        builder.HasMany(i => i.InForceServices).WithOne(r => r.Indicator).HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(i => i.InForceSchedule, schedule =>
        {
            schedule.Property(s => s.Kind).HasColumnName("in_force_schedule_kind").HasConversion<string>().HasMaxLength(FieldLimits.EnumName);
            schedule.Property(s => s.DueMonths).HasColumnName("in_force_schedule_due_months");
        });
        builder.Navigation(i => i.InForceSchedule).IsRequired();
        builder.HasOne(i => i.InForceSection).WithMany().HasForeignKey(i => i.InForceSectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.InForceParent).WithMany().HasForeignKey(i => i.InForceParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.InForceSectionId);
        builder.HasIndex(i => i.InForceParentId);

        // What an open amendment removed is gone from the draft (editor, document); figures read it with IgnoreQueryFilters.
        builder.HasQueryFilter(PlanRules.WithdrawnFilter, i => !i.IsWithdrawn);
        builder.HasMany(i => i.Services).WithMany().UsingEntity<Responsibility>(
            right => right.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict),
            left => left.HasOne(r => r.Indicator).WithMany(i => i.ResponsibleServices).HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Cascade),
            join =>
            {
                // Positions count from 1 in the order the plan lists the services.
                join.ToTable("indicator_services", table => table.HasCheckConstraint("ck_indicator_services_position", "position >= 1"));
                join.HasKey(r => new { r.IndicatorId, r.ServiceId });
                join.HasIndex(r => r.ServiceId);
            });
    }
}

/// <summary>A deadline's schedule as two columns of its row (plans' indicators and the regional template's alike).</summary>
internal static class ScheduleColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, DueSchedule> schedule)
        where TOwner : class
    {
        schedule.Property(s => s.Kind).HasColumnName("schedule_kind").HasConversion<string>().HasMaxLength(FieldLimits.EnumName);
        schedule.Property(s => s.DueMonths).HasColumnName("schedule_due_months");
    }
}
