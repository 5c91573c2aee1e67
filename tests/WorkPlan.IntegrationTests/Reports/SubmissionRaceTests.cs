using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Reports;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Reports;

/// <summary>
/// On 3 October 2022, with September still open: a submission and the month saves of its quarter
/// happen one after the other, never interleaved; the same report sent several times at once goes
/// once; its first downloads at once all get the one stored file.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class SubmissionRaceTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Inspector = "xojaobod.inspektor";
    private const string Director = "xojaobod.direktor";
    private static readonly Dictionary<string, string> ConfirmMissing = new() { ["confirmMissing"] = "true" };

    private int _planId;

    private string QuarterUrl => $"/Reports/Quarter?planId={_planId}&quarter=3";

    private string SubmitUrl => $"/Reports/Submit?planId={_planId}&quarter=3";

    private string SeptemberUrl => $"/Actuals?planId={_planId}&month=9";

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StoresASnapshotEqualToTheLockedMonths_AndAcknowledgesNoSaveItLeftOut_WhenSavesRaceTheSubmission()
    {
        const int Rounds = 6;
        const int Writers = 6;
        var inspector = database.OctoberFactory.CreateClientAs(Inspector);
        var start = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs(Director).GetAsync(SeptemberUrl));
        var cells = start.QuerySelectorAll("input[name$='.IndicatorId']").Take(Writers)
            .Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).ToList();
        var failures = new ConcurrentBag<string>();
        var disagreements = new List<string>();
        var acknowledgedAfter = 0;

        for (var round = 1; round <= Rounds; round++)
        {
            var acknowledged = new ConcurrentBag<(int Indicator, decimal Value, long At)>();
            var submitted = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var stop = new CancellationTokenSource();
            var writers = cells.Select((indicator, n) => Task.Run(async () =>
            {
                var client = database.OctoberFactory.CreateClientAs(Director);
                for (var step = 1; !stop.IsCancellationRequested; step++)
                {
                    var page = await Html.ParseAsync(await client.GetAsync(SeptemberUrl));
                    var version = page.QuerySelectorAll("input[name$='.IndicatorId']").FirstOrDefault(i => i.GetAttribute("value") == indicator.ToString(CultureInfo.InvariantCulture))
                        ?.ParentElement?.QuerySelector("input[name$='.Version']")?.GetAttribute("value");
                    var token = page.QuerySelector("form.entry-form input[name=__RequestVerificationToken]")?.GetAttribute("value");
                    if (token is null)
                    {
                        return; // the month is locked: the sheet has no form any more
                    }

                    var value = (round * 100_000) + (n * 1_000) + step;
                    var response = await client.PostAsync($"/Actuals/Save?planId={_planId}&month=9", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["cells[0].IndicatorId"] = indicator.ToString(CultureInfo.InvariantCulture),
                        ["cells[0].Version"] = version ?? string.Empty,
                        ["cells[0].Shown"] = page.QuerySelector($"#cell-{indicator}")?.GetAttribute("value") ?? string.Empty,
                        ["cells[0].Value"] = value.ToString(CultureInfo.InvariantCulture),
                    }));
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"save {(int)response.StatusCode}");
                    }
                    else if (response.IsRedirectTo("/Actuals"))
                    {
                        acknowledged.Add((indicator, value, System.Diagnostics.Stopwatch.GetTimestamp()));
                    }
                }
            })).ToList();

            await Task.Delay(150);
            var submission = await Forms.PostAsync(inspector, QuarterUrl, SubmitUrl, ConfirmMissing);
            var confirmedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            submission.StatusCode.Should().Be(HttpStatusCode.Redirect);
            await Task.Delay(300);
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            await using var db = database.CreateContext();
            var report = await db.ReportSubmissions.Include(r => r.Snapshots).SingleAsync(r => r.PlanId == _planId && r.Quarter == 3);
            report.Status.Should().Be(ReportStatus.Submitted);
            var snapshot = report.Snapshots.Single(s => s.Number == report.SubmissionCount).Read();
            var reported = snapshot.Sections.SelectMany(s => s.Rows).ToDictionary(r => r.IndicatorId, r => r.QuarterActual);
            var stored = await db.MonthlyActuals.Where(a => cells.Contains(a.IndicatorId) && a.Month == 9).ToDictionaryAsync(a => a.IndicatorId, a => a.Value);
            foreach (var indicator in cells)
            {
                if (reported.GetValueOrDefault(indicator) != stored.GetValueOrDefault(indicator))
                {
                    disagreements.Add($"round {round}, indicator {indicator}: snapshot {reported.GetValueOrDefault(indicator)}, stored {stored.GetValueOrDefault(indicator)}");
                }
            }

            foreach (var late in acknowledged.Where(a => a.At > confirmedAt && reported.GetValueOrDefault(a.Indicator) != a.Value))
            {
                acknowledgedAfter++;
                disagreements.Add($"round {round}: {late.Value} acknowledged after the submission and not in its snapshot");
            }

            report.Return("Qayta tekshiring", "test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"Submission against saves: {Rounds} rounds, {disagreements.Count} disagreements ({acknowledgedAfter} saves acknowledged after the submission and left out of it), {failures.Count} errors");
        failures.Should().BeEmpty();
        disagreements.Should().BeEmpty();
    }

    [Fact]
    public async Task SubmitsAReturnedReportOnce_AndTellsTheOtherSendersItIsAlreadySent_WhenItIsSentTenTimesAtOnce()
    {
        var inspector = database.OctoberFactory.CreateClientAs(Inspector);
        (await Forms.PostAsync(inspector, QuarterUrl, SubmitUrl, ConfirmMissing)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await ReturnAsync();
        var senders = new List<(HttpClient Client, string Token)>();
        for (var n = 0; n < 10; n++)
        {
            var client = database.OctoberFactory.CreateClientAs(Inspector);
            senders.Add((client, await Forms.TokenAsync(client, QuarterUrl)));
        }

        var responses = await Task.WhenAll(senders.Select(((HttpClient Client, string Token) sender) => Task.Run(async () =>
        {
            var (client, token) = sender;
            var response = await client.PostAsync(SubmitUrl, new FormUrlEncodedContent(new Dictionary<string, string>(ConfirmMissing) { ["__RequestVerificationToken"] = token }));
            var after = response.StatusCode == HttpStatusCode.Redirect ? await Html.ParseAsync(await client.GetAsync(response.Headers.Location!.OriginalString)) : null;
            return (response.StatusCode, Notice: after?.QuerySelector(".alert-success")?.Text().Trim(), Error: after?.QuerySelector(".alert-danger")?.Text().Trim());
        })));

        Console.WriteLine($"Re-submission at once: {responses.Count(r => (int)r.StatusCode >= 500)} × 500 of {responses.Length} ({string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Count()} × {g.Key}"))}; notices: {string.Join(" / ", responses.Select(r => r.Notice ?? r.Error).Distinct())})");
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect, "no 500 and no lost page: each sender is shown the report");
        responses.Count(r => r.Notice != null && r.Notice.Contains("yuborildi", StringComparison.Ordinal)).Should().Be(1);
        responses.Where(r => r.Notice is null).Should().HaveCount(9).And.OnlyContain(r => r.Error != null && r.Error.Contains("allaqachon yuborilgan", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        var report = await db.ReportSubmissions.Include(r => r.Snapshots).SingleAsync(r => r.PlanId == _planId && r.Quarter == 3);
        report.Status.Should().Be(ReportStatus.Submitted);
        report.Snapshots.Select(s => s.Number).Should().Equal(1, 2);
    }

    [Fact]
    public async Task AnswersEveryFirstDownloadWithTheOneStoredFile_WhenAJustSubmittedReportIsDownloadedEightTimesAtOnce()
    {
        var inspector = database.OctoberFactory.CreateClientAs(Inspector);
        (await Forms.PostAsync(inspector, QuarterUrl, SubmitUrl, ConfirmMissing)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        // Warm the PDF engine with another document, so that the race is about the stored files.
        await database.OctoberFactory.CreateClientAs(Inspector).GetAsync($"/Reports/ExportPdf?planId={_planId}&quarter=2");

        var downloads = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            var kind = n % 2 == 0 ? "ExportExcel" : "ExportPdf";
            var response = await database.OctoberFactory.CreateClientAs(n % 4 < 2 ? Inspector : "andijon.metodist").GetAsync($"/Reports/{kind}?planId={_planId}&quarter=3");
            return (Kind: kind, response.StatusCode, Bytes: await response.Content.ReadAsByteArrayAsync());
        })));

        Console.WriteLine($"First downloads at once: {downloads.Count(d => (int)d.StatusCode >= 500)} × 500 of {downloads.Length}, {downloads.Where(d => d.StatusCode == HttpStatusCode.OK).Select(d => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(d.Bytes))).Distinct().Count()} different files");
        downloads.Should().OnlyContain(d => d.StatusCode == HttpStatusCode.OK);
        await using var db = database.CreateContext();
        var stored = await db.ReportSnapshots.SingleAsync(s => db.ReportSubmissions.Any(r => r.Id == s.ReportSubmissionId && r.PlanId == _planId && r.Quarter == 3));
        stored.ExcelFile.Should().NotBeNull();
        stored.PdfFile.Should().NotBeNull("the PDF is stored the first time it is made");
        downloads.Where(d => d.Kind == "ExportExcel").Should().OnlyContain(d => d.Bytes.SequenceEqual(stored.ExcelFile!), "everyone gets the stored workbook");
        downloads.Where(d => d.Kind == "ExportPdf").Should().OnlyContain(d => d.Bytes.SequenceEqual(stored.PdfFile!), "everyone gets the stored PDF");
    }

    private async Task ReturnAsync()
    {
        await using var db = database.CreateContext();
        var report = await db.ReportSubmissions.Include(r => r.Snapshots).SingleAsync(r => r.PlanId == _planId && r.Quarter == 3);
        report.Return("Qayta tekshiring", "test", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
