using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using WorkPlan.Core.Notifications;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure;

/// <summary>SMTP settings (section "Smtp"): email is off while no host is set.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "workplan@localhost";

    /// <summary>How often the outbox is looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The app's address, for the links in emails (e.g. https://workplan.example.uz).</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>Email through SMTP with MailKit: one connection per message.</summary>
public sealed class MailKitEmailChannel(IOptions<SmtpOptions> options) : IEmailChannel
{
    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain") { Text = email.Body };
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("No SMTP host is configured."), settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>
/// Sends the outbox's due emails. Each batch is claimed with FOR UPDATE SKIP LOCKED inside one transaction, so that
/// several app instances never send one email twice; a failure is retried with back-off (<see cref="EmailRetry"/>).
/// </summary>
public sealed class EmailDelivery(IServiceScopeFactory scopes, IEmailChannel channel, INotificationText texts, TimeProvider clock, IOptions<SmtpOptions> options, ILogger<EmailDelivery> logger)
    : BackgroundService
{
    public const int BatchSize = 20;

    /// <summary>Sends what is due now; returns how many were tried.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!channel.IsEnabled)
        {
            return 0;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.InTransactionAsync(ct => SendDueAsync(db, ct), cancellationToken);
    }

    private async Task<int> SendDueAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.EmailMessages
            .FromSqlInterpolated($"SELECT * FROM email_messages WHERE status = 'Pending' AND next_attempt_at <= {now} ORDER BY next_attempt_at, id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .Include(m => m.Notification)
            .ToListAsync(cancellationToken);
        foreach (var message in due)
        {
            var n = message.Notification!;
            var (subject, body) = texts.Render(n.Kind, n.Arguments, (options.Value.BaseUrl ?? string.Empty).TrimEnd('/') + n.Link, message.Language);
            try
            {
                await channel.SendAsync(new OutgoingEmail(message.ToAddress, subject, body), cancellationToken);
                message.Sent(clock.GetUtcNow());
            }
#pragma warning disable CA1031 // Any failure of one email is recorded on it and retried later; the others go on.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning(exception, "Email {EmailId} was not sent (attempt {Attempt})", message.Id, message.Attempts + 1);
                message.Failed(exception.Message, clock.GetUtcNow());
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
#pragma warning disable CA1031 // The delivery loop outlives a database outage.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "The email outbox could not be read");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
