using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlan.Core.Common;
using WorkPlan.Core.Notifications;

namespace WorkPlan.Infrastructure.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.UserId).HasMaxLength(FieldLimits.UserId);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Key).HasMaxLength(200);
        builder.Property(n => n.Link).HasMaxLength(400);
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);

        // A retry or a restart never records one thing twice for one person.
        builder.HasIndex(n => new { n.UserId, n.Key }).IsUnique();

        // The bell's count and the list, newest first.
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => n.UserId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
    }
}

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.ToTable("email_messages");
        builder.Property(m => m.ToAddress).HasMaxLength(256);
        builder.Property(m => m.Language).HasMaxLength(8);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(FieldLimits.ShortEnumName);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasOne(m => m.Notification).WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.NotificationId).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
