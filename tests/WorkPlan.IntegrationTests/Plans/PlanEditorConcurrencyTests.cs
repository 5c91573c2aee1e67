using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Plans;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Plans;

/// <summary>
/// Several editors on one draft at once, as real concurrent form posts: every post either saves or is told why
/// next to its field with what was typed kept; nothing is lost silently and nothing is created twice.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class PlanEditorConcurrencyTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Director = "asaka.direktor";
    private const int AtOnce = 20;
    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "asaka").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryAddIsSavedWithItsOwnNumberAndPlace_WhenTwentyIndicatorsAreAddedAtOnce()
    {
        var forms = await OpenAsync(AtOnce, $"/PlanEditor/AddIndicator/{_planId}", "form.indicator-form");

        var responses = await AllAtOnceAsync(forms, (form, index) => Fields(form, new()
        {
            ["Input.Number"] = (90 + index).ToString(CultureInfo.InvariantCulture),
            ["Input.Name"] = $"Parallel qo'shilgan ko'rsatkich {index}",
            ["Input.Target"] = "5",
        }), $"/PlanEditor/AddIndicator/{_planId}");

        Codes(responses).Should().OnlyContain(c => c == HttpStatusCode.Redirect, "every add is saved: {0}", Summary(responses));
        await using var db = database.CreateContext();
        var rows = await db.Indicators.Where(i => i.PlanId == _planId).Select(i => new { i.Number, i.SortOrder }).ToListAsync();
        rows.Select(r => r.Number).Should().Contain(Enumerable.Range(90, AtOnce).Select(n => n.ToString(CultureInfo.InvariantCulture)));
        rows.Should().HaveCount(3 + AtOnce, "one row per acknowledged add");
        rows.Select(r => r.SortOrder).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task OneIsSavedAndEveryOtherIsToldTheNumberExists_WhenTwentyAddTheSameNumberAtOnce()
    {
        var forms = await OpenAsync(AtOnce, $"/PlanEditor/AddIndicator/{_planId}", "form.indicator-form");

        var responses = await AllAtOnceAsync(forms, (form, index) => Fields(form, new()
        {
            ["Input.Number"] = "77",
            ["Input.Name"] = $"Bir xil raqam {index}",
            ["Input.Target"] = "5",
        }), $"/PlanEditor/AddIndicator/{_planId}");

        Codes(responses).Should().NotContain(HttpStatusCode.InternalServerError, Summary(responses));
        Codes(responses).Count(c => c == HttpStatusCode.Redirect).Should().Be(1, Summary(responses));
        foreach (var refused in responses.Where(r => r.Response.StatusCode == HttpStatusCode.OK))
        {
            var page = await Html.ParseAsync(refused.Response);
            page.QuerySelector("#Input_Number")!.GetAttribute("value").Should().Be("77");
            page.QuerySelector("#Input_Name")!.TextContent.Trim().Should().Be($"Bir xil raqam {refused.Index}", "what was typed stays in the form");
            page.QuerySelector("[data-valmsg-for='Input.Number']")!.Text().Should().Be("77 raqamli ko'rsatkich rejada bor.");
        }

        await using var db = database.CreateContext();
        (await db.Indicators.CountAsync(i => i.PlanId == _planId && i.Number == "77")).Should().Be(1);
        (await db.Indicators.CountAsync(i => i.PlanId == _planId)).Should().Be(4);
    }

    [Fact]
    public async Task TellsTheNumberExists_KeepingTheForm_WhenAWriterOutsideTheEditorTakesItBetweenTheCheckAndTheSave()
    {
        var (client, form) = (await OpenAsync(1, $"/PlanEditor/AddIndicator/{_planId}", "form.indicator-form"))[0];
        await using var other = database.CreateContext();
        await using var transaction = await other.Database.BeginTransactionAsync();
        var plan = await other.Plans.Include(p => p.Sections).Include(p => p.Indicators).SingleAsync(p => p.Id == _planId);
        plan.AddIndicator(plan.Sections.First(), new IndicatorDefinition(
            "55", "Boshqa yo'l bilan qo'shilgan", "Dona", Measure.Count, null, 5, [], "2022 yil davomida", DueSchedule.DuringYear(), RollupKind.Sum, false), []);
        await other.SaveChangesAsync();

        var post = client.PostAsync($"/PlanEditor/AddIndicator/{_planId}", new FormUrlEncodedContent(Fields(form, new()
        {
            ["Input.Number"] = "55",
            ["Input.Name"] = "Muharrirda yozilgan",
            ["Input.Target"] = "5",
        })));
        await Task.Delay(TimeSpan.FromSeconds(1));
        post.IsCompleted.Should().BeFalse("the editor's save waits for the other writer's number");
        await transaction.CommitAsync();
        var answer = await post;

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(answer);
        page.QuerySelector("#Input_Name")!.TextContent.Trim().Should().Be("Muharrirda yozilgan");
        page.QuerySelector("[data-valmsg-for='Input.Number']")!.Text().Should().Be("55 raqamli ko'rsatkich rejada bor.");
        await using var db = database.CreateContext();
        (await db.Indicators.Where(i => i.PlanId == _planId && i.Number == "55").Select(i => i.Name).ToListAsync()).Should().Equal("Boshqa yo'l bilan qo'shilgan");
    }

    [Fact]
    public async Task EverySectionGetsItsOwnPlace_WhenTwentyAreAddedAtOnce()
    {
        var forms = await OpenAsync(AtOnce, $"/PlanEditor/Index/{_planId}", $"form[action='/PlanEditor/AddSection/{_planId}']");

        var responses = await AllAtOnceAsync(forms, (form, index) => Fields(form, new()
        {
            ["Label"] = $"P{index}",
            ["Title"] = $"PARALLEL BO'LIM {index}",
        }), $"/PlanEditor/AddSection/{_planId}");

        Codes(responses).Should().OnlyContain(c => c == HttpStatusCode.Redirect, Summary(responses));
        await using var db = database.CreateContext();
        var sections = await db.Sections.Where(s => s.PlanId == _planId).Select(s => new { s.Label, s.SortOrder }).ToListAsync();
        sections.Count(s => s.Label.StartsWith('P')).Should().Be(AtOnce, "one section per acknowledged add");
        sections.Select(s => s.SortOrder).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task OneRenameIsSavedAndEveryOtherIsToldTheSectionChanged_KeepingWhatTheyTyped_WhenTwentyRenameAtOnce()
    {
        var sectionId = await FirstSectionIdAsync();
        var selector = $"form[action^='/PlanEditor/RenameSection/{sectionId}']";
        var forms = await OpenAsync(AtOnce, $"/PlanEditor/Index/{_planId}", selector);

        var responses = await AllAtOnceAsync(forms, (form, index) => Fields(form, new() { ["Title"] = $"YANGI NOM {index}" }), forms[0].Form.GetAttribute("action")!);

        Codes(responses).Should().NotContain(HttpStatusCode.InternalServerError, Summary(responses));
        var saved = responses.Where(r => r.Response.StatusCode == HttpStatusCode.Redirect).ToList();
        saved.Should().ContainSingle("one rename wins; the others were typed over a section that changed meanwhile: {0}", Summary(responses));
        foreach (var refused in responses.Where(r => r.Response.StatusCode != HttpStatusCode.Redirect))
        {
            refused.Response.StatusCode.Should().Be(HttpStatusCode.OK);
            var page = await Html.ParseAsync(refused.Response);
            var form = page.QuerySelector(selector)!;
            form.QuerySelector("input[name=Title]")!.GetAttribute("value").Should().Be($"YANGI NOM {refused.Index}", "what was typed stays in the form");
            form.ParentElement!.HasAttribute("open").Should().BeTrue("the refused form is shown open");
            page.QuerySelector($"#section-error-{sectionId}")!.Text().Should().Contain("boshqa foydalanuvchi").And.Contain($"YANGI NOM {saved[0].Index}");
        }

        await using var db = database.CreateContext();
        (await db.Sections.Where(s => s.Id == sectionId).Select(s => s.Title).SingleAsync()).Should().Be($"YANGI NOM {saved[0].Index}", "the acknowledged rename is what is stored");
    }

    [Fact]
    public async Task RefusesARenameOverAChangedSection_AndSavesItWhenSentAgainFromTheFormItShowed()
    {
        var sectionId = await FirstSectionIdAsync();
        var selector = $"form[action^='/PlanEditor/RenameSection/{sectionId}']";
        var forms = await OpenAsync(2, $"/PlanEditor/Index/{_planId}", selector);
        var action = forms[0].Form.GetAttribute("action")!;
        (await forms[0].Client.PostAsync(action, new FormUrlEncodedContent(Fields(forms[0].Form, new() { ["Title"] = "BIRINCHI" })))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var stale = await forms[1].Client.PostAsync(action, new FormUrlEncodedContent(Fields(forms[1].Form, new() { ["Title"] = "IKKINCHI" })));
        var shown = (await Html.ParseAsync(stale)).QuerySelector(selector)!;
        var again = await forms[1].Client.PostAsync(action, new FormUrlEncodedContent(Fields(shown, [])));

        stale.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "the refused form carries the section's new version: saving it again is a deliberate choice");
        await using var db = database.CreateContext();
        (await db.Sections.Where(s => s.Id == sectionId).Select(s => s.Title).SingleAsync()).Should().Be("IKKINCHI");
    }

    [Fact]
    public async Task RefusesAnIndicatorFormOverAChangedRow_KeepingWhatWasTyped_AndSavesItWhenSentAgainFromTheFormItShowed()
    {
        int indicatorId;
        await using (var db = database.CreateContext())
        {
            indicatorId = await db.Indicators.Where(i => i.PlanId == _planId).OrderBy(i => i.SortOrder).Select(i => i.Id).FirstAsync();
        }

        var url = $"/PlanEditor/EditIndicator/{indicatorId}";
        var forms = await OpenAsync(2, url, "form.indicator-form");
        (await forms[0].Client.PostAsync(url, new FormUrlEncodedContent(Fields(forms[0].Form, new() { ["Input.Name"] = "Birinchi muharrir nomi" }))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var stale = await forms[1].Client.PostAsync(url, new FormUrlEncodedContent(Fields(forms[1].Form, new() { ["Input.Name"] = "Ikkinchi muharrir nomi", ["Input.Target"] = "12" })));
        var page = await Html.ParseAsync(stale);
        var shown = page.QuerySelector("form.indicator-form")!;
        var again = await forms[1].Client.PostAsync(url, new FormUrlEncodedContent(Fields(shown, [])));

        stale.StatusCode.Should().Be(HttpStatusCode.OK);
        page.ValidationText().Should().Contain("boshqa foydalanuvchi").And.Contain("yana saqlang");
        shown.QuerySelector("#Input_Name")!.TextContent.Trim().Should().Be("Ikkinchi muharrir nomi", "what was typed stays in the form");
        shown.QuerySelector("#Input_Target")!.GetAttribute("value").Should().Be("12");
        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "the refused form carries the row's new version: saving it again is a deliberate choice");
        await using var after = database.CreateContext();
        (await after.Indicators.Where(i => i.Id == indicatorId).Select(i => new { i.Name, i.Target }).SingleAsync())
            .Should().Be(new { Name = "Ikkinchi muharrir nomi", Target = (decimal?)12 });
    }

    [Fact]
    public async Task CreatesOneSectionAndLeadsBothPostsToIt_WhenTheSameFormIsSentTwice()
    {
        var (client, form) = (await OpenAsync(1, $"/PlanEditor/Index/{_planId}", $"form[action='/PlanEditor/AddSection/{_planId}']"))[0];
        var fields = Fields(form, new() { ["Label"] = "IV", ["Title"] = "IKKI MARTA BOSILGAN" });

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsync($"/PlanEditor/AddSection/{_planId}", new FormUrlEncodedContent(fields))));
        var third = await client.PostAsync($"/PlanEditor/AddSection/{_planId}", new FormUrlEncodedContent(fields));

        await using var db = database.CreateContext();
        var created = await db.Sections.Where(s => s.PlanId == _planId && s.Title == "IKKI MARTA BOSILGAN").Select(s => s.Id).ToListAsync();
        created.Should().ContainSingle();
        both.Append(third).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect
            && r.Headers.Location!.OriginalString == $"/PlanEditor/Index/{_planId}#section-{created[0]}");
        var page = await Html.ParseAsync(await client.GetAsync($"/PlanEditor/Index/{_planId}"));
        page.QuerySelector($"#section-{created[0]}").Should().NotBeNull();
        page.QuerySelectorAll($"form[action='/PlanEditor/AddSection/{_planId}'] input[name=FormToken]").Select(i => i.GetAttribute("value"))
            .Should().ContainSingle().Which.Should().NotBe(fields.Single(f => f.Key == "FormToken").Value, "each form shown gets a token of its own");
    }

    [Fact]
    public async Task CreatesOneIndicatorAndLeadsBothPostsToIt_WhenTheSameFormIsSentTwice()
    {
        var (client, form) = (await OpenAsync(1, $"/PlanEditor/AddIndicator/{_planId}", "form.indicator-form"))[0];
        var fields = Fields(form, new() { ["Input.Number"] = "4", ["Input.Name"] = "Ikki marta bosilgan", ["Input.Target"] = "3" });

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsync($"/PlanEditor/AddIndicator/{_planId}", new FormUrlEncodedContent(fields))));
        var third = await client.PostAsync($"/PlanEditor/AddIndicator/{_planId}", new FormUrlEncodedContent(fields));

        await using var db = database.CreateContext();
        var created = await db.Indicators.Where(i => i.PlanId == _planId && i.Name == "Ikki marta bosilgan").Select(i => i.Id).ToListAsync();
        created.Should().ContainSingle();
        both.Append(third).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect
            && r.Headers.Location!.OriginalString == $"/PlanEditor/Index/{_planId}#row-{created[0]}");
        var again = await Html.ParseAsync(await client.GetAsync(third.Headers.Location!.OriginalString));
        again.QuerySelector(".alert-success")!.Text().Should().Be("Bu shakl allaqachon yuborilgan: yozuv bir marta qo'shildi.");
    }

    [Fact]
    public async Task KeepsWhatWasTypedAndItsToken_WhenANewSectionIsRefused()
    {
        var (client, form) = (await OpenAsync(1, $"/PlanEditor/Index/{_planId}", $"form[action='/PlanEditor/AddSection/{_planId}']"))[0];
        var fields = Fields(form, new() { ["Label"] = " ", ["Title"] = "YOZILGAN NOM" });

        var refused = await client.PostAsync($"/PlanEditor/AddSection/{_planId}", new FormUrlEncodedContent(fields));

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(refused);
        var shown = page.QuerySelector($"form[action='/PlanEditor/AddSection/{_planId}']")!;
        shown.QuerySelector("input[name=Title]")!.GetAttribute("value").Should().Be("YOZILGAN NOM");
        shown.QuerySelector("input[name=Label]")!.GetAttribute("aria-invalid").Should().Be("true");
        shown.QuerySelector("input[name=FormToken]")!.GetAttribute("value").Should().Be(fields.Single(f => f.Key == "FormToken").Value, "nothing was added: the same form may still add once");
        page.QuerySelector("#new-section-error")!.Text().Should().Be("Bu maydonni to'ldiring.");
        await using var db = database.CreateContext();
        (await db.Sections.CountAsync(s => s.PlanId == _planId && s.Title == "YOZILGAN NOM")).Should().Be(0);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("-2147483648")]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("yuqoriga")]
    public async Task RefusesAMoveOtherThanOnePlaceUpOrDown_AndChangesNothing(string direction)
    {
        await using var before = database.CreateContext();
        var indicators = await before.Indicators.Where(i => i.PlanId == _planId).OrderBy(i => i.SortOrder).Select(i => new { i.Id, i.SortOrder }).ToListAsync();
        var sections = await before.Sections.Where(s => s.PlanId == _planId).OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.SortOrder }).ToListAsync();
        var client = database.Factory.CreateClientAs(Director);
        var token = await Forms.TokenAsync(client, $"/PlanEditor/Index/{_planId}");

        var moves = new[]
        {
            $"/PlanEditor/MoveIndicator/{indicators[1].Id}?planId={_planId}",
            $"/PlanEditor/MoveSection/{sections[0].Id}?planId={_planId}",
        };
        foreach (var move in moves)
        {
            var answer = await client.PostAsync(move, new FormUrlEncodedContent(new Dictionary<string, string> { ["direction"] = direction, ["__RequestVerificationToken"] = token }));
            answer.IsRedirectTo($"/PlanEditor/Index/{_planId}").Should().BeTrue(move);
            var page = await Html.ParseAsync(await client.GetAsync(answer.Headers.Location!.OriginalString));
            page.QuerySelector(".alert-danger")!.Text().Should().Be("Qatorni faqat bir o'rin yuqoriga yoki pastga siljitish mumkin.", move);
            page.QuerySelector(".alert-success").Should().BeNull();
        }

        await using var after = database.CreateContext();
        (await after.Indicators.Where(i => i.PlanId == _planId).OrderBy(i => i.SortOrder).Select(i => new { i.Id, i.SortOrder }).ToListAsync()).Should().Equal(indicators);
        (await after.Sections.Where(s => s.PlanId == _planId).OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.SortOrder }).ToListAsync()).Should().Equal(sections);
    }

    /// <summary>Opens the page once per editor (each its own client) and returns the form each one sees.</summary>
    private async Task<List<(HttpClient Client, IElement Form)>> OpenAsync(int count, string url, string selector)
    {
        var forms = new List<(HttpClient, IElement)>();
        for (var i = 0; i < count; i++)
        {
            var client = database.Factory.CreateClientAs(Director);
            var page = await Html.ParseAsync(await client.GetAsync(url));
            forms.Add((client, page.QuerySelector(selector) ?? throw new InvalidOperationException($"{url} has no {selector}.")));
        }

        return forms;
    }

    /// <summary>Each editor posts their form at the same moment, from a client of their own.</summary>
    private async Task<List<(int Index, HttpResponseMessage Response)>> AllAtOnceAsync(
        List<(HttpClient Client, IElement Form)> forms, Func<IElement, int, List<KeyValuePair<string, string>>> fill, string url)
    {
        using var start = new SemaphoreSlim(0);
        var posts = forms.Select(async (form, index) =>
        {
            var content = new FormUrlEncodedContent(fill(form.Form, index));
            await start.WaitAsync();
            return (index, await form.Client.PostAsync(url, content));
        }).ToList();
        start.Release(forms.Count);
        return [.. await Task.WhenAll(posts)];
    }

    private static List<HttpStatusCode> Codes(List<(int Index, HttpResponseMessage Response)> responses) => [.. responses.Select(r => r.Response.StatusCode)];

    private static string Summary(List<(int Index, HttpResponseMessage Response)> responses) =>
        string.Join(", ", responses.GroupBy(r => (int)r.Response.StatusCode).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"));

    private async Task<int> FirstSectionIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.Sections.Where(s => s.PlanId == _planId).OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync();
    }

    /// <summary>The form's fields as the browser sends them, with some typed over.</summary>
    private static List<KeyValuePair<string, string>> Fields(IElement form, Dictionary<string, string> typed)
    {
        var fields = form.QuerySelectorAll("input[name], textarea[name], select[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio") || e.HasAttribute("checked"))
            .Where(e => !e.HasAttribute("disabled"))
            .Select(e =>
            {
                var name = e.GetAttribute("name")!;
                var value = e.TagName == "SELECT"
                    ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")?.GetAttribute("value") ?? string.Empty
                    : e.TagName == "TEXTAREA" ? e.TextContent.Trim() : e.GetAttribute("value") ?? string.Empty;
                return new KeyValuePair<string, string>(name, typed.TryGetValue(name, out var changed) ? changed : value);
            })
            .ToList();
        fields.AddRange(typed.Where(t => fields.All(f => f.Key != t.Key)).Select(t => new KeyValuePair<string, string>(t.Key, t.Value)));
        return fields;
    }
}
