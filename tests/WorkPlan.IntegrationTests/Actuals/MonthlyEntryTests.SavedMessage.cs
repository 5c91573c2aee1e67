using AngleSharp.Dom;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Actuals;

/// <summary>What the save's message counts: values and notes, including those that replace saved ones.</summary>
public sealed partial class MonthlyEntryTests
{
    [Fact]
    public async Task CountsTheValuesAndNotesChanged_WhenTheyReplaceSavedOnes()
    {
        var client = database.OctoberFactory.CreateClientAs(Lending);
        await SaveAsync(client, 9, await EntryFormAsync(client, 9), new() { ["16"] = "100", ["17"] = "200" }, notes: new() { ["16"] = "Birinchi" });

        var response = await SaveAsync(client, 9, await EntryFormAsync(client, 9), new() { ["16"] = "120", ["17"] = "250" }, notes: new() { ["16"] = "Ikkinchi" });
        var page = await Html.ParseAsync(await client.GetAsync(response.Headers.Location));

        page.QuerySelector("main > .alert-success")!.Text().Should().Contain("Saqlandi: 2 ta qiymat, 1 ta izoh.");
        (await ValueAsync("16", 9)).Should().Be(120m);
        (await ValueAsync("17", 9)).Should().Be(250m);
    }
}
