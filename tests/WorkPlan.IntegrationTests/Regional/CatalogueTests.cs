using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Regional;

/// <summary>The region's template and catalogue, a district's plan made from it, and mapping a plan's rows to its codes.</summary>
[Collection(DatabaseTests.Name)]
public sealed class CatalogueTests(DatabaseFixture database) : IAsyncLifetime
{
    private int _xojaobod;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _xojaobod = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task BuildsTheCatalogueFromADistrictPlan_WithACodePerRow()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);

        var page = await Html.ParseAsync(await Region().GetAsync("/Catalogue"));
        var district = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("asaka.direktor").GetAsync("/Catalogue"));

        page.QuerySelectorAll("tr[data-code]").Select(r => r.GetAttribute("data-code")).Should().HaveCount(55).And.Contain(["K001", "K010", "K010.2", "K042.2"]);
        page.QuerySelectorAll("tr.section-row").Should().HaveCount(4);
        page.QuerySelector(".badge")!.Text().Should().Be("E'lon qilingan");
        district.QuerySelectorAll("tr[data-code]").Should().HaveCount(55, "a district reads its region's published template");
        district.QuerySelector("form[action='/Catalogue/Publish']").Should().BeNull();
    }

    [Fact]
    public async Task FreezesCodesOncePublished_ButStillTakesNewRowsAndNewWords()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        var item = await ItemAsync("K016");

        var recoded = await SaveItemAsync(item.Id, item.Version, code: "K999", name: item.Name);
        var renamed = await SaveItemAsync(item.Id, item.Version, code: "K016", name: "Kitobxonlar qatnovi");
        var added = await SaveItemAsync(null, 0, code: "K043", name: "Mahalla kutubxonachilari uchun seminarlar");
        var taken = await SaveItemAsync(null, 0, code: "k043", name: "Yana bir qator");

        (await Html.ParseAsync(recoded)).ValidationText().Should().Contain("kodlar o'zgarmaydi");
        renamed.IsRedirectTo("/Catalogue").Should().BeTrue();
        added.IsRedirectTo("/Catalogue").Should().BeTrue();
        (await Html.ParseAsync(taken)).ValidationText().Should().Contain("K043 kodi katalogda bor");
        await using var db = database.CreateContext();
        (await db.TemplateIndicators.Where(i => i.Code == "K016").Select(i => i.Name).SingleAsync()).Should().Be("Kitobxonlar qatnovi");
        (await db.TemplateIndicators.CountAsync()).Should().Be(56);
    }

    [Fact]
    public async Task RefusesAStaleEditAndTheDeletionOfACodeInUse()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        await RegionalFixture.MapAsSuggestedAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), _xojaobod);
        var item = await ItemAsync("K016");
        await SaveItemAsync(item.Id, item.Version, code: "K016", name: "Birinchi tahrir");

        var stale = await SaveItemAsync(item.Id, item.Version, code: "K016", name: "Eski formadan");
        var region = Region();
        var inUse = await Forms.PostAsync(region, "/Catalogue", $"/Catalogue/Delete/{item.Id}", new Dictionary<string, string> { ["version"] = (await ItemAsync("K016")).Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var notice = await Html.ParseAsync(await region.GetAsync("/Catalogue"));

        (await Html.ParseAsync(stale)).ValidationText().Should().NotBeEmpty();
        inUse.IsRedirectTo("/Catalogue").Should().BeTrue();
        notice.QuerySelector(".alert-danger")!.Text().Should().Contain("K016");
        await using var db = database.CreateContext();
        (await db.TemplateIndicators.Where(i => i.Code == "K016").Select(i => i.Name).SingleAsync()).Should().Be("Birinchi tahrir");
    }

    [Fact]
    public async Task MapsEveryRowOfThePlanItWasBuiltFrom_ByTheSuggestions()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);

        var saved = await RegionalFixture.MapAsSuggestedAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), _xojaobod);

        saved.IsRedirectTo("/Catalogue/Mapping").Should().BeTrue();
        await using var db = database.CreateContext();
        var rows = await db.Indicators.Where(i => i.PlanId == _xojaobod).Select(i => new { i.Number, i.CatalogueCode }).ToListAsync();
        rows.Should().OnlyContain(r => r.CatalogueCode == "K" + (r.Number.Contains('.') ? r.Number.Split('.')[0].PadLeft(3, '0') + "." + r.Number.Split('.')[1] : r.Number.PadLeft(3, '0')));
    }

    [Fact]
    public async Task RefusesUnknownCodesAndACodeGivenToTwoRows_ChangingNothing()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        var client = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");
        var page = await Html.ParseAsync(await client.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));
        var fields = RegionalFixture.Fields(page);
        var unknown = new Dictionary<string, string>(fields) { ["rows[0].Code"] = "ZZZ" };
        var twice = new Dictionary<string, string>(fields) { ["rows[1].Code"] = fields["rows[0].Code"] };

        await Forms.PostAsync(client, $"/Catalogue/Mapping?planId={_xojaobod}", $"/Catalogue/Mapping?planId={_xojaobod}", unknown);
        var unknownNotice = await Html.ParseAsync(await client.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));
        await Forms.PostAsync(client, $"/Catalogue/Mapping?planId={_xojaobod}", $"/Catalogue/Mapping?planId={_xojaobod}", twice);
        var twiceNotice = await Html.ParseAsync(await client.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));

        unknownNotice.QuerySelector(".alert-danger")!.Text().Should().Contain("ZZZ kodi viloyat katalogida yo'q");
        twiceNotice.QuerySelector(".alert-danger")!.Text().Should().Contain("K001 kodi bir nechta qatorga berilgan: 1, 2");
        await using var db = database.CreateContext();
        (await db.Indicators.CountAsync(i => i.PlanId == _xojaobod && i.CatalogueCode != null)).Should().Be(0);
    }

    [Fact]
    public async Task RefusesAMappingOverAFormThatAnotherChangeMadeStale_ChangingNothing()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        var client = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");
        var page = await Html.ParseAsync(await client.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));
        await using (var db = database.CreateContext())
        {
            // Someone else changes row 1 meanwhile (its row version moves on).
            await db.Database.ExecuteSqlAsync($"UPDATE indicators SET name = name || '.' WHERE plan_id = {_xojaobod} AND number = '1'");
        }

        var refused = await Forms.PostAsync(client, $"/Catalogue/Mapping?planId={_xojaobod}", $"/Catalogue/Mapping?planId={_xojaobod}", RegionalFixture.Fields(page));
        var notice = await Html.ParseAsync(await client.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));

        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        notice.QuerySelector(".alert-danger")!.Text().Should().Contain("boshqa foydalanuvchi");
        await using var check = database.CreateContext();
        (await check.Indicators.CountAsync(i => i.PlanId == _xojaobod && i.CatalogueCode != null)).Should().Be(0);
    }

    [Fact]
    public async Task CreatesADistrictsPlanFromTheTemplate_WithCodesServicesDeadlinesAndLastYearsFacts()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        await RegionalFixture.MapAsSuggestedAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), _xojaobod);
        await RegionalFixture.AddActualsAsync(database, _xojaobod, ("16", 1, 8_000), ("16", 2, 9_000), ("15", 1, 12_000), ("15", 12, 12_900));
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");

        var created = await Forms.PostAsync(director, "/Catalogue", "/Catalogue/CreatePlan", new Dictionary<string, string> { ["year"] = "2023" });
        var again = await Forms.PostAsync(director, "/Catalogue", "/Catalogue/CreatePlan", new Dictionary<string, string> { ["year"] = "2023" });

        created.IsRedirectTo("/Plans/Details/").Should().BeTrue();
        again.IsRedirectTo("/Plans").Should().BeTrue();
        await using var db = database.CreateContext();
        var plan = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod" && p.Year == 2023)
            .Select(p => new { p.Status, Sections = p.Sections.Count, Rows = p.Indicators.Select(i => new { i.Number, i.CatalogueCode, i.Target, i.PreviousFact, i.Deadline, Services = i.ResponsibleServices.Count }).ToList() })
            .SingleAsync();
        plan.Sections.Should().Be(4);
        plan.Rows.Should().HaveCount(55).And.OnlyContain(r => r.CatalogueCode != null && r.Target == null);
        plan.Rows.Where(r => r.Services == 0).Select(r => r.Number).Should().BeEquivalentTo(["42", "42.1", "42.2"], "the paper's blank responsible cells stay blank");
        plan.Rows.Single(r => r.Number == "16").PreviousFact.Should().Be(17_000m, "last year's sum");
        plan.Rows.Single(r => r.Number == "15").PreviousFact.Should().Be(12_900m, "last year's last value");
        plan.Rows.Single(r => r.Number == "16").Deadline.Should().Contain("2023");
    }

    [Fact]
    public async Task KeepsTheCodesInNextYearsPlan()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        await RegionalFixture.MapAsSuggestedAsync(database.OctoberFactory.CreateClientAs("xojaobod.inspektor"), _xojaobod);

        var next = await Forms.PostAsync(database.OctoberFactory.CreateClientAs("xojaobod.direktor"), $"/Plans/Details/{_xojaobod}", $"/Plans/NextYear/{_xojaobod}", new Dictionary<string, string>());

        next.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = database.CreateContext();
        (await db.Indicators.CountAsync(i => i.Plan!.Year == 2023 && i.Plan.Organisation!.Code == "xojaobod" && i.CatalogueCode != null)).Should().Be(55);
    }

    [Fact]
    public async Task StartsAnEmptyCatalogueWithARowAddedByHand()
    {
        var added = await SaveItemAsync(null, 0, code: "K001", name: "Qo'llanmalar ishlab chiqish");
        var page = await Html.ParseAsync(await Region().GetAsync("/Catalogue"));

        added.IsRedirectTo("/Catalogue").Should().BeTrue();
        page.QuerySelectorAll("tr[data-code]").Select(r => r.GetAttribute("data-code")).Should().Equal("K001");
    }

    [Fact]
    public async Task KeepsANewRowsStepsDeadlineAndServices_AndOffersThemBackForEditing()
    {
        var fields = ItemFields(0, "K050", "V", "OAV BILAN ISHLASH", "50", "Radioda eshittirishlar", null);
        fields["Input.Mechanism"] = "Ssenariy tayyorlash\n\nEfirga chiqish";
        fields["Input.ScheduleKind"] = "Quarters";
        var bad = await Forms.PostAsync(Region(), "/Catalogue/Item", "/Catalogue/Item", fields);

        var withQuarters = new List<KeyValuePair<string, string>>(fields)
        {
            new("Input.Quarters", "2"), new("Input.Quarters", "4"), new("Input.ServiceCodes", "lending"), new("Input.ServiceCodes", "no-such-service"),
        };
        var client = Region();
        withQuarters.Add(new("__RequestVerificationToken", await Forms.TokenAsync(client, "/Catalogue/Item")));
        var saved = await client.PostAsync("/Catalogue/Item", new FormUrlEncodedContent(withQuarters));
        await using var db = database.CreateContext();
        var row = await db.TemplateIndicators.SingleAsync(i => i.Code == "K050");
        var form = await Html.ParseAsync(await Region().GetAsync($"/Catalogue/Item/{row.Id}"));

        (await Html.ParseAsync(bad)).ValidationText().Should().Contain("choraklar yoki oylar oralig'i", "quarters were chosen without any quarter");
        saved.IsRedirectTo("/Catalogue").Should().BeTrue();
        row.Mechanism.Should().Equal("Ssenariy tayyorlash", "Efirga chiqish");
        row.Schedule.Months.Should().Equal(4, 5, 6, 10, 11, 12);
        row.ServiceCodes.Should().Equal(["lending"], "only the districts' own services can be named");
        form.QuerySelectorAll("input[name='Input.ServiceCodes'][checked]").Select(i => i.GetAttribute("value")).Should().Equal("lending");
        form.QuerySelectorAll("input[name='Input.Quarters'][checked]").Select(i => i.GetAttribute("value")).Should().Equal("2", "4");
        form.QuerySelector("input[name='Input.ScheduleKind'][value='Quarters']")!.HasAttribute("checked").Should().BeTrue();
    }

    [Fact]
    public async Task MovesARowUnderAnotherParent_AndItsOfWhichRowsFollowASectionChange()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        var child = await ItemAsync("K010.2");
        var parent = await ItemAsync("K016");
        var top = await ItemAsync("K010");

        var moved = await Forms.PostAsync(Region(), $"/Catalogue/Item/{child.Id}", $"/Catalogue/Item/{child.Id}", ItemFields(child.Version, "K010.2", "II", "ASOSIY ISHLAB CHIQRISH FAOLIYATI", "16.1", child.Name, parent.Id));
        var section = await Forms.PostAsync(Region(), $"/Catalogue/Item/{top.Id}", $"/Catalogue/Item/{top.Id}", ItemFields(top.Version, "K010", "V", "OAV BILAN ISHLASH", "10", top.Name, null));

        moved.IsRedirectTo("/Catalogue").Should().BeTrue();
        section.IsRedirectTo("/Catalogue").Should().BeTrue();
        await using var db = database.CreateContext();
        var rows = await db.TemplateIndicators.ToDictionaryAsync(i => i.Code);
        rows["K010.2"].ParentId.Should().Be(rows["K016"].Id);
        rows["K010.1"].SectionLabel.Should().Be("V", "an \"of which\" row follows its parent into the new section");
        rows["K010.1"].SortOrder.Should().Be(rows["K010"].SortOrder + 1);
    }

    [Fact]
    public async Task KeepsHowACodeIsCountedOnceDistrictsUseIt_AndRefusesARowCountedOtherwise()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        var inspector = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");
        var page = await Html.ParseAsync(await inspector.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));
        var fields = RegionalFixture.Fields(page);
        var row15 = fields.Single(f => f.Value == "K015").Key;
        var row16 = fields.Single(f => f.Value == "K016").Key;

        // 15 is a stock (last value), 16 a flow (sum): 15 may not report as K016.
        var mismatched = new Dictionary<string, string>(fields) { [row15] = "K016", [row16] = string.Empty };
        await Forms.PostAsync(inspector, $"/Catalogue/Mapping?planId={_xojaobod}", $"/Catalogue/Mapping?planId={_xojaobod}", mismatched);
        var notice = await Html.ParseAsync(await inspector.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));
        await RegionalFixture.MapAsSuggestedAsync(inspector, _xojaobod);
        var item = await ItemAsync("K015");
        var recounted = await Forms.PostAsync(Region(), $"/Catalogue/Item/{item.Id}", $"/Catalogue/Item/{item.Id}",
            new Dictionary<string, string>(ItemFields(item.Version, "K015", "II", "ASOSIY ISHLAB CHIQRISH FAOLIYATI", "15", item.Name, null)) { ["Input.Rollup"] = "Sum" });

        notice.QuerySelector(".alert-danger")!.Text().Should().Contain("15-qator K016 kodidan boshqacha hisoblanadi");
        (await Html.ParseAsync(recounted)).ValidationText().Should().Contain("jamlash turi va qiymat turi o'zgarmaydi");
        await using var db = database.CreateContext();
        (await db.TemplateIndicators.Where(i => i.Code == "K015").Select(i => i.Rollup).SingleAsync()).Should().Be(WorkPlan.Core.Plans.RollupKind.Last);
    }

    [Fact]
    public async Task LetsTwoRowsSwapTheirCodes()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        var inspector = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");
        await RegionalFixture.MapAsSuggestedAsync(inspector, _xojaobod);
        var fields = RegionalFixture.Fields(await Html.ParseAsync(await inspector.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}")));
        var row16 = fields.Single(f => f.Value == "K016").Key;
        var row17 = fields.Single(f => f.Value == "K017").Key;

        var swapped = await Forms.PostAsync(inspector, $"/Catalogue/Mapping?planId={_xojaobod}", $"/Catalogue/Mapping?planId={_xojaobod}",
            new Dictionary<string, string>(fields) { [row16] = "K017", [row17] = "K016" });

        swapped.IsRedirectTo("/Catalogue/Mapping").Should().BeTrue();
        await using var db = database.CreateContext();
        var codes = await db.Indicators.Where(i => i.PlanId == _xojaobod && (i.Number == "16" || i.Number == "17")).ToDictionaryAsync(i => i.Number, i => i.CatalogueCode);
        codes.Should().BeEquivalentTo(new Dictionary<string, string?> { ["16"] = "K017", ["17"] = "K016" });
    }

    [Fact]
    public async Task AnswersAHostileMappingFormWithAMessage_NeverAServerError()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        var inspector = database.OctoberFactory.CreateClientAs("xojaobod.inspektor");
        var fields = RegionalFixture.Fields(await Html.ParseAsync(await inspector.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}")));
        var longCode = new Dictionary<string, string>(fields) { ["rows[0].Code"] = new string('A', 20_000) };
        var many = new Dictionary<string, string>(fields);
        for (var n = 0; n < 22_000; n++) // beyond the sheet forms' value count (four per row of the largest plan)
        {
            many[$"junk{n}"] = "x";
        }

        var tooLong = await Forms.PostAsync(inspector, $"/Catalogue/Mapping?planId={_xojaobod}", $"/Catalogue/Mapping?planId={_xojaobod}", longCode);
        var notice = await Html.ParseAsync(await inspector.GetAsync($"/Catalogue/Mapping?planId={_xojaobod}"));
        var tooMany = await Forms.PostAsync(inspector, $"/Catalogue/Mapping?planId={_xojaobod}", $"/Catalogue/Mapping?planId={_xojaobod}", many);

        tooLong.IsRedirectTo("/Catalogue/Mapping").Should().BeTrue();
        notice.QuerySelector(".alert-danger")!.Text().Should().Contain("AAAAAAAAAAAAAAAAAAAA…");
        notice.QuerySelector(".alert-danger")!.Text().Length.Should().BeLessThan(400, "a hostile value is never echoed whole");
        tooMany.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RefusesAPlanForAYearOutOfRange()
    {
        await RegionalFixture.PublishTemplateAsync(database, _xojaobod);
        var director = database.OctoberFactory.CreateClientAs("asaka.direktor");

        await Forms.PostAsync(director, "/Catalogue", "/Catalogue/CreatePlan", new Dictionary<string, string> { ["year"] = "99999" });
        var notice = await Html.ParseAsync(await director.GetAsync("/Plans"));

        notice.QuerySelector(".alert-danger")!.Text().Should().Contain("Yil 2000 dan 2100 gacha bo'lsin");
    }

    private HttpClient Region() => database.OctoberFactory.CreateClientAs("andijon.metodist");

    private async Task<(int Id, uint Version, string Name)> ItemAsync(string code)
    {
        await using var db = database.CreateContext();
        var item = await db.TemplateIndicators.Where(i => i.Code == code).Select(i => new { i.Id, i.Version, i.Name }).SingleAsync();
        return (item.Id, item.Version, item.Name);
    }

    private async Task<HttpResponseMessage> SaveItemAsync(int? id, uint version, string code, string name)
    {
        var url = id is null ? "/Catalogue/Item" : $"/Catalogue/Item/{id}";
        return await Forms.PostAsync(Region(), url, url, ItemFields(version, code, "II", "ASOSIY ISHLAB CHIQRISH FAOLIYATI", id is null ? "43" : "16", name, null));
    }

    private static Dictionary<string, string> ItemFields(uint version, string code, string sectionLabel, string sectionTitle, string number, string name, int? parentId) => new()
    {
        ["Input.Code"] = code,
        ["Input.ParentId"] = parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        ["Input.SectionLabel"] = sectionLabel,
        ["Input.SectionTitle"] = sectionTitle,
        ["Input.Number"] = number,
        ["Input.Name"] = name,
        ["Input.Unit"] = "Marta",
        ["Input.Measure"] = "Count",
        ["Input.Rollup"] = "Sum",
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
