using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using WorkPlan.Core.Notifications;
using WorkPlan.Infrastructure;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Notifications;

/// <summary>The outbox through a real SMTP conversation with an in-process server: a refusal is retried later, and then delivered once.</summary>
[Collection(DatabaseTests.Name)]
public sealed class EmailDeliveryTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RetriesWithBackOff_WhenTheServerRefusesTheRecipient_AndSendsOnce_WhenItAcceptsLater()
    {
        var port = FreePort();
        var server = new TestSmtp();
        using var stop = new CancellationTokenSource();
        var running = server.StartAsync(port, stop.Token);
        long emailId;
        await using (var db = database.CreateContext())
        {
            var director = await db.Users.SingleAsync(u => u.UserName == "asaka.direktor");
            var notification = new Notification(director.Id, NotificationKind.PlanReturned, "test:1", ["Asaka", "2022", "Metodist", "Sabab"], "/Plans/Details/1", DateTimeOffset.UtcNow);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            var email = new EmailMessage(notification.Id, "director@example.uz", "ru", DateTimeOffset.UtcNow.AddMinutes(-1));
            db.EmailMessages.Add(email);
            await db.SaveChangesAsync();
            emailId = email.Id;
        }

        var delivery = Delivery(port);
        server.Refuse = true;
        (await delivery.RunOnceAsync()).Should().Be(1);

        await using (var db = database.CreateContext())
        {
            var email = await db.EmailMessages.SingleAsync(m => m.Id == emailId);
            email.Status.Should().Be(EmailStatus.Pending);
            email.Attempts.Should().Be(1);
            email.LastError.Should().NotBeNullOrEmpty();
            email.NextAttemptAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromSeconds(30));
        }

        (await delivery.RunOnceAsync()).Should().Be(0, "the next attempt is not due yet");
        server.Refuse = false;
        await using (var db = database.CreateContext())
        {
            await db.EmailMessages.Where(m => m.Id == emailId).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        (await delivery.RunOnceAsync()).Should().Be(1);
        (await delivery.RunOnceAsync()).Should().Be(0, "a sent email is never sent again");

        await using (var db = database.CreateContext())
        {
            var email = await db.EmailMessages.SingleAsync(m => m.Id == emailId);
            email.Status.Should().Be(EmailStatus.Sent);
            email.Attempts.Should().Be(2);
        }

        server.Messages.Should().ContainSingle();
        var received = await MimeKit.MimeMessage.LoadAsync(new MemoryStream(server.Messages.Single()));
        received.To.ToString().Should().Contain("director@example.uz");
        received.TextBody.Should().Contain("вернул(а) план").And.Contain("Sabab").And.Contain("/Plans/Details/1");
        await stop.CancelAsync();
    }

    [Fact]
    public async Task KeepsTheEmailForLater_WhenNoServerAnswers()
    {
        await using (var db = database.CreateContext())
        {
            var director = await db.Users.SingleAsync(u => u.UserName == "asaka.direktor");
            var notification = new Notification(director.Id, NotificationKind.PlanAgreed, "test:2", ["Asaka", "2022", "Metodist", string.Empty], "/", DateTimeOffset.UtcNow);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            db.EmailMessages.Add(new EmailMessage(notification.Id, "director@example.uz", "uz", DateTimeOffset.UtcNow.AddMinutes(-1)));
            await db.SaveChangesAsync();
        }

        (await Delivery(FreePort()).RunOnceAsync()).Should().Be(1);

        await using (var check = database.CreateContext())
        {
            var email = await check.EmailMessages.SingleAsync();
            email.Status.Should().Be(EmailStatus.Pending);
            email.Attempts.Should().Be(1);
        }
    }

    private EmailDelivery Delivery(int port)
    {
        var options = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, From = "workplan@example.uz" });
        var services = database.Factory.Services;
        return new EmailDelivery(
            services.GetRequiredService<IServiceScopeFactory>(), new MailKitEmailChannel(options), services.GetRequiredService<INotificationText>(),
            TimeProvider.System, options, NullLogger<EmailDelivery>.Instance);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class TestSmtp : MessageStore, IMailboxFilter
    {
        public volatile bool Refuse;

        public ConcurrentQueue<byte[]> Messages { get; } = new();

        public Task StartAsync(int port, CancellationToken cancellationToken)
        {
            var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
            var provider = new SmtpServer.ComponentModel.ServiceProvider();
            provider.Add((IMessageStore)this);
            provider.Add((IMailboxFilter)this);
            return new SmtpServer.SmtpServer(options, provider).StartAsync(cancellationToken);
        }

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Messages.Enqueue(buffer.ToArray());
            return Task.FromResult(SmtpResponse.Ok);
        }

        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) => Task.FromResult(!Refuse);
    }
}
