extern alias bench;

using System.Net;
using Npgsql;
using WorkPlan.IntegrationTests.Infrastructure;
using DatasetGenerator = bench::WorkPlan.Bench.DatasetGenerator;
using DatasetManifest = bench::WorkPlan.Bench.DatasetManifest;
using DatasetSize = bench::WorkPlan.Bench.DatasetSize;
using PageSpec = bench::WorkPlan.Bench.PageSpec;

namespace WorkPlan.IntegrationTests.Bench;

/// <summary>
/// The benchmark writes its datasets straight into the app's tables: a small one, generated here against this build's
/// schema, must load, and every page of bench/pages.tsv must answer its user with the page (not an error or a 404),
/// so that a schema change or a moved page cannot leave the benchmark measuring nothing.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class BenchDatasetTests(DatabaseFixture database)
{
    [Fact]
    public async Task TheBenchDataset_LoadsIntoTheSchema_AndEveryBenchedPageAnswersItsUser()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(database);
        var connection = new NpgsqlConnectionStringBuilder(scratch.ConnectionString) { IncludeErrorDetail = true }.ConnectionString;
        var manifest = await DatasetGenerator.GenerateAsync(connection, new DatasetSize(DatasetSize.Regions + 2, 1), saveWorkers: 1);
        manifest.MonthlyActuals.Should().BeGreaterThan(0);

        await using var app = new WorkPlanFactory(connection, settings: new Dictionary<string, string?> { ["WorkPlan:Today"] = "2024-12-20T10:00:00+05:00" });
        var users = Accounts(manifest);
        var pages = PageSpec.Read(Repository.PathOf("bench", "pages.tsv"));
        pages.Should().NotBeEmpty();
        foreach (var page in pages)
        {
            using var client = app.CreateClientAs(users[page.User]);
            var path = page.Path(manifest, quarter: 4, month: 12);
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"the bench loads {page.Key} ({path}) as {users[page.User]}");
        }
    }

    private static Dictionary<string, string> Accounts(DatasetManifest manifest) => new(StringComparer.Ordinal)
    {
        ["director"] = manifest.DirectorUser,
        ["inspector"] = manifest.InspectorUser,
        ["servicehead"] = manifest.ServiceHeadUser,
        ["regional"] = manifest.RegionalUser,
        ["national"] = manifest.NationalUser,
    };
}
