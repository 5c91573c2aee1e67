using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Plans;

[Collection(DatabaseTests.Name)]
public sealed class PlanDocumentPageTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Director = "xojaobod.direktor";

    /// <summary>Every row of the signed Xo'jaobod 2022 plan: number, unit, 2021 fact and 2022 target as printed.</summary>
    public static TheoryData<string, string, string, string> SeedRows => new()
    {
        { "1", "hujjat", "2", "2" }, { "2", "hujjat", "2", "4" }, { "3", "Ma'lumot", "2", "1" },
        { "4", "Dona", "2", "10" }, { "5", "Tadbir", "6", "12" }, { "6", "Hujjat", "150", "150" },
        { "7", "Hujjat", "8", "8" }, { "8", "Tadbir", "2", "3" }, { "9", "Tadbir", "4", "4" },
        { "10", "Nusxa jami", "4 379", "4 000" }, { "10.1", "Nusxa", "0", "0" }, { "10.2", "Nusxa", "1 450", "3 000" },
        { "10.3", "Nusxa", "-", "-" }, { "10.4", "Nusxa", "2 929", "1 000" }, { "11", "Dona", "1 800", "1 650" },
        { "12", "Dona", "1 800", "1 650" }, { "13", "Resurs", "-", "-" }, { "14", "Dona", "3", "570" },
        { "15", "Nafar", "11 340", "14 000" }, { "15.1", "Nafar", "3 531", "2 660" }, { "16", "Marta", "35 506", "105 000" },
        { "17", "Nusxa", "67 236", "350 000" }, { "18", "Tadbir", "66", "72" }, { "19", "Marta", "168", "175" },
        { "20", "Tadbir", "20", "22" }, { "21", "Tadbir", "85", "87" }, { "22", "Nusxa", "-", "-" },
        { "22.1", "Nusxa", "28", "30" }, { "22.2", "Nusxa", "210", "320" }, { "22.3", "Nusxa", "1 635", "71" },
        { "23", "Sahifa", "-", "-" }, { "23.1", "Sahifa", "55", "200" }, { "23.2", "Sahifa", "-", "-" },
        { "23.3", "Sahifa", "-", "120" }, { "24", "Hujjat", "-", "-" }, { "25", "Xizmat", "12", "12" },
        { "26", "Nusxa", "265", "270" }, { "27", "Xatlov", "-", "1" }, { "28", "Bibliografik yozuvlar", "156", "162" },
        { "29", "Bibliografik yozuvlar", "850", "850" }, { "30", "Dona", "10", "12" }, { "31", "Nomda", "-", "14" },
        { "32", "Sahifa", "9 516", "9 516" }, { "33", "Ma'lumot", "174", "550" }, { "34", "Resurs", "47", "60" },
        { "35", "Sahifa", "90 000", "198 000" }, { "36", "Resurs", "9", "10" }, { "37", "Hujjat", "4", "4" },
        { "38", "Tadbir", "18", "28" }, { "39", "Tadbir", "35", "40" }, { "40", "Marotaba", "2", "6" },
        { "41", "Marotaba", "126", "550" }, { "42", "", "-", "-" }, { "42.1", "So'mda", "-", "-" },
        { "42.2", "So'mda", "-", "-" },
    };

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ShowsEveryRowOfTheSignedPlan_InOrderWithNumbersAsPrinted()
    {
        var page = await OpenPlanAsync();

        var rows = page.QuerySelectorAll("tr[data-number]").ToList();

        rows.Select(r => r.GetAttribute("data-number")).Should().Equal(SeedRows.Select(r => (string)r[0]));
        foreach (var expected in SeedRows)
        {
            var row = rows.Single(r => r.GetAttribute("data-number") == (string)expected[0]);
            var cells = row.Children.Select(c => c.Text()).ToList();
            cells.Take(5).Should().Equal(
                [(string)expected[0], cells[1], (string)expected[1], (string)expected[2], (string)expected[3]],
                $"row {expected[0]} prints its number, unit, fact and target as the paper does");
        }
    }

    [Fact]
    public async Task ShowsBothSignatureBlocksAndTheTitle()
    {
        var page = await OpenPlanAsync();

        var blocks = page.QuerySelectorAll(".signature-block").Select(b => b.Text()).ToList();

        blocks.Should().HaveCount(2);
        blocks[0].Should().Be("KELISHILDI Bobur nomidagi Andijon viloyat axborot-kutubxona markazi direktori G.Ismailova 2022 yil \"____\" ________");
        blocks[1].Should().Be("TASDIQLAYMAN Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi direktori M.Mo'minova 2022 yil \"5\" yanvar");
        page.QuerySelector("h1.plan-title")!.Text().Should().Be(
            "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining 2022 yil uchun mo'ljallangan ish rejasi");
    }

    [Fact]
    public async Task LaysOutTheTableLikeThePaperForm()
    {
        var page = await OpenPlanAsync();

        var header = page.QuerySelectorAll("thead tr").Select(r => r.Children.Select(c => c.Text()).ToList()).ToList();
        var sections = page.QuerySelectorAll("tr.section-row").Select(r => r.Text()).ToList();
        var quantity = page.QuerySelectorAll("thead th").Single(th => th.Text() == "Miqdori");

        header[0].Should().Equal("№", "Nomi", "O'lchov birligi", "Miqdori", "Amalga oshirish mexanizmi", "Bajarilish muddati", "Mas'ullar");
        header[1].Should().Equal("2021 yil (fakt)", "2022 yil (reja)");
        quantity.GetAttribute("colspan").Should().Be("2");
        sections.Should().Equal(
            "I. ILMIY-METODIK FAOLIYAT", "II. ASOSIY ISHLAB CHIQRISH FAOLIYATI", "III. KADRLAR MALAKASINI OSHIRISH", "V. OAV BILAN ISHLASH");
        page.QuerySelectorAll("tr.section-row th").Should().OnlyContain(th => th.GetAttribute("colspan") == "8");
        page.QuerySelectorAll("tr.sub-row").Select(r => r.GetAttribute("data-number")).Should().HaveCount(13);
        page.QuerySelector("tr.of-which-row + tr")!.GetAttribute("data-number").Should().Be("10.1");
    }

    [Fact]
    public async Task ShowsResponsibleServicesAndMechanismSteps()
    {
        var page = await OpenPlanAsync();

        IElement Row(string number) => page.QuerySelector($"tr[data-number='{number}']")!;

        Row("38").QuerySelector(".cell-responsible")!.Text().Should().Be("Barcha xizmatlar");
        Row("9").QuerySelectorAll(".service").Should().HaveCount(2);
        Row("2").QuerySelectorAll(".cell-mechanism li").Select(li => li.Text()).Should().Equal(
            "Hududiy AKMlari mutaxassislarini toifaga ajratish bo'yicha jadval ishlab chiqish (oliy ma'lumotli mutaxassis, oliy ma'lumotli nomutaxassis, o'rta maxsus va h.k.)",
            "Har oy yakuni bo'yicha hisobotini yuritish",
            "Har chorak ma'lumotlarni umumlashtirib, Viloyat AKMga taqdim etish");
        Row("30").QuerySelector(".cell-deadline")!.Text().Should().Be("2022-yil sentyabr-dekabr");
    }

    [Theory]
    [InlineData("ru-RU", "УТВЕРЖДАЮ", "2021 г. (факт)", "«5» января 2022 г.")]
    [InlineData("en-US", "APPROVED", "2021 (actual)", "5 January 2022")]
    public async Task SpeaksTheChosenLanguage_WhenTheUserSwitchesIt(string culture, string approve, string factColumn, string date)
    {
        var client = database.Factory.CreateClientAs(Director);
        var list = await Html.ParseAsync(await client.GetAsync("/Plans"));
        var token = list.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var planId = await PlanIdAsync();

        var switched = await client.PostAsync("/Language/Set", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = culture,
            ["returnUrl"] = $"/Plans/Details/{planId}",
            ["__RequestVerificationToken"] = token,
        }));
        var page = await Html.ParseAsync(await client.GetAsync($"/Plans/Details/{planId}"));

        switched.StatusCode.Should().Be(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.Should().Be($"/Plans/Details/{planId}");
        page.QuerySelectorAll(".signature-heading").Select(h => h.Text()).Should().Contain(approve);
        page.QuerySelectorAll("thead th").Select(h => h.Text()).Should().Contain(factColumn);
        page.QuerySelectorAll(".signature-date").Select(d => d.Text()).Should().Contain(date);
        page.QuerySelector("tr[data-number='16'] td:nth-child(5)")!.Text()
            .Should().Be(culture == "en-US" ? "105,000" : "105 000");
    }

    [Fact]
    public async Task RefusesALanguageSwitch_WithoutTheAntiforgeryToken()
    {
        var client = database.Factory.CreateClientAs(Director);

        var response = await client.PostAsync("/Language/Set", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "ru-RU" }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListsThePlan_OnTheStartPage()
    {
        var client = database.Factory.CreateClientAs(Director);

        var page = await Html.ParseAsync(await client.GetAsync("/Plans"));

        var link = page.QuerySelector("table a")!;
        link.Text().Should().Be("Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining 2022 yil uchun mo'ljallangan ish rejasi");
        link.GetAttribute("href").Should().Be($"/Plans/Details/{await PlanIdAsync()}");
        page.QuerySelector("table .badge")!.Text().Should().Be("Kuchda");
    }

    [Theory]
    [InlineData("xojaobod.direktor", "Bugungi ishlar")]
    [InlineData("andijon.direktor", "Bugungi ishlar")]
    public async Task LandsEachRoleOnItsOwnWork(string user, string heading)
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs(user).GetAsync("/"));

        page.QuerySelector("h1")!.Text().Should().Be(heading);
        page.QuerySelectorAll(".home-cards .card").Should().HaveCount(3);
    }

    [Fact]
    public async Task SendsAServiceHeadStraightToTheirMonthlyEntries()
    {
        var response = await database.OctoberFactory.CreateClientAs("xojaobod.abonement").GetAsync("/");

        response.IsRedirectTo("/Actuals").Should().BeTrue();
    }

    [Fact]
    public async Task AnswersAFriendlyNotFound_WhenThePlanDoesNotExist()
    {
        var client = database.Factory.CreateClientAs(Director);

        var response = await client.GetAsync("/Plans/Details/987654");
        var page = await Html.ParseAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.Text().Should().Be("Sahifa topilmadi");
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    private async Task<IDocument> OpenPlanAsync()
    {
        var response = await database.Factory.CreateClientAs(Director).GetAsync($"/Plans/Details/{await PlanIdAsync()}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await Html.ParseAsync(response);
    }
}
