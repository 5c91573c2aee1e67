using System.Net;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

[Collection(DatabaseTests.Name)]
public sealed class HealthTests(DatabaseFixture database)
{
    [Fact]
    public async Task AnswersHealthy_WhenTheDatabaseAnswers()
    {
        var response = await database.Factory.CreateClient().GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task AnswersServiceUnavailable_WhenTheDatabaseDoesNotAnswer()
    {
        // Nothing listens on port 1; the app starts without migrating and reports the database as down.
        await using var factory = new WorkPlanFactory("Host=127.0.0.1;Port=1;Database=none;Username=postgres;Timeout=2");

        var response = await factory.CreateClient().GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
