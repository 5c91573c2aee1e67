using Microsoft.AspNetCore.Mvc.Testing;
using WorkPlan.Core.Reports;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Access;

/// <summary>Every GET of the access matrix, by every actor, on own and foreign records: none of them changes the database.</summary>
public sealed partial class AccessMatrixTests
{
    /// <summary>Every actor of the matrix, by name (null: not signed in).</summary>
    public static TheoryData<string?> ActorNames => [.. Actors.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(ActorNames))]
    public async Task WritesNothingToTheDatabase_WhenAnyGetEndpointIsAnswered(string? actorName)
    {
        var actor = Actors.Single(a => a.Name == actorName);
        var userName = actor.UserName;
        await SubmitFirstQuartersAsync();
        var (app, writes) = DatabaseWrites.Record(database.Factory);
        await using var _ = app;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (userName is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.Header, userName);
        }

        var failures = new List<string>();
        var gets = Matrix.Where(m => m.Key.StartsWith("GET ", StringComparison.Ordinal) || m.Key.StartsWith("ANY ", StringComparison.Ordinal));
        foreach (var (key, (url, _)) in gets)
        {
            foreach (var own in new[] { true, false })
            {
                var resolved = Resolve(url, actor, own);
                if (resolved is null || (!own && !url.Contains('{', StringComparison.Ordinal)))
                {
                    continue;
                }

                // Sessions and the key ring aside (DatabaseWrites.OfData); sign-in itself writes nothing here, as the
                // actors are signed in by a header (the real sign-in is a POST).
                var before = writes.OfData.Count;
                using var response = await client.GetAsync(resolved);
                await response.Content.ReadAsByteArrayAsync();
                failures.AddRange(writes.OfData.Skip(before)
                    .Select(w => $"{key} {(own ? "own" : "foreign")} {resolved} ({(int)response.StatusCode}) wrote {w}"));
            }
        }

        failures.Should().BeEmpty($"a GET answers {userName ?? "anonymous"} without changing any row");
    }

    /// <summary>Every plan's first quarter submitted without its files, as older submissions are: the exports serve them read-only.</summary>
    private async Task SubmitFirstQuartersAsync()
    {
        await using var db = database.CreateContext();
        foreach (var (code, planId) in _world.Plans)
        {
            var report = new ReportSubmission(planId, 1, new DateOnly(2022, 4, 10));
            report.Submit(new QuarterlyReportDocument(planId, 2022, 1, code, "Ish rejasi", null, null, null, []), "test", DateTimeOffset.UtcNow);
            db.ReportSubmissions.Add(report);
        }

        await db.SaveChangesAsync();
    }
}
