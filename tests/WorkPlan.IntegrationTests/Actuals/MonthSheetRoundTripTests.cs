using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.IntegrationTests.Infrastructure;
using static WorkPlan.IntegrationTests.Actuals.MonthSheets;

namespace WorkPlan.IntegrationTests.Actuals;

/// <summary>
/// September 2022 downloaded as Excel on 3 October (September open), filled offline and uploaded back: the preview
/// shows every change, problem and conflict and stores nothing; confirming saves through the grid's rules.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class MonthSheetRoundTripTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string Lending = "xojaobod.abonement";
    private const string Director = "xojaobod.direktor";
    private const int September = 9;

    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DownloadsTheMonthAsAProtectedSheet_WithEarlierMonthsReadOnly_TheMonthAndNotesEditable_AndHiddenIdentifiers()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);

        var file = await DownloadAsync(head, _planId, September);

        using var workbook = new XLWorkbook(new MemoryStream(file));
        var sheet = workbook.Worksheet(1);
        var editor = new SheetEditor(sheet);
        sheet.IsProtected.Should().BeTrue();
        sheet.PageSetup.PaperSize.Should().Be(XLPaperSize.A4Paper);
        sheet.PageSetup.PageOrientation.Should().Be(XLPageOrientation.Landscape);
        sheet.Row(editor.KeyRow).IsHidden.Should().BeTrue("the identifiers' row is hidden");
        sheet.Column(editor.Column(MonthWorkbookColumns.IndicatorId)).IsHidden.Should().BeTrue();
        sheet.Column(editor.Column(MonthWorkbookColumns.Version)).IsHidden.Should().BeTrue();
        var identity = MonthWorkbookIdentity.TryParse(sheet.Row(editor.KeyRow).CellsUsed().Select(c => c.GetString()).Single(t => t.StartsWith(MonthWorkbookIdentity.Prefix, StringComparison.Ordinal)));
        identity.Should().BeEquivalentTo(new { PlanId = _planId, Year = 2022, Month = September });
        var header = sheet.Row(editor.KeyRow - 1).CellsUsed().Select(c => c.GetString()).ToList();
        header.Should().ContainInOrder("№", "Nomi", "Yan", "Avg", "Sentyabr", "Izoh");
        var row = editor.RowOf("16");
        editor.Value("16").Style.Protection.Locked.Should().BeFalse("the head writes row 16's September");
        editor.Note("16").Style.Protection.Locked.Should().BeFalse();
        sheet.Cell(row, 2).Style.Protection.Locked.Should().BeTrue("the row's name is read-only");
        sheet.Cell(row, editor.Column(MonthWorkbookColumns.Value) - 1).Style.Protection.Locked.Should().BeTrue("August is read-only");
        await using var db = database.CreateContext();
        var august = await db.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId && a.Indicator.Number == "16" && a.Month == 8).Select(a => a.Value).SingleOrDefaultAsync();
        var augustCell = sheet.Cell(row, editor.Column(MonthWorkbookColumns.Value) - 1);
        (augustCell.IsEmpty() ? (decimal?)null : (decimal)augustCell.GetDouble()).Should().Be(august);
    }

    [Fact]
    public async Task ShowsEveryChangeBeforeSaving_StoresNothingUntilConfirmed_ThenSavesWithTheGridsHistory()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var before = await StoredAsync("16");
        var file = Edit(await DownloadAsync(head, _planId, September), sheet =>
        {
            sheet.Set("16", 9120);
            sheet.Note("17").SetValue("Yangi kitoblar kelmadi");
        });

        var upload = await UploadAsync(head, _planId, September, file);
        var preview = await Html.ParseAsync(upload);
        var lines = Lines(preview);
        var changesBeforeConfirm = await ChangeCountAsync();
        var valueBeforeConfirm = await StoredAsync("16");
        var confirmed = await ConfirmAsync(head, preview);

        upload.StatusCode.Should().Be(HttpStatusCode.OK);
        lines["16"].Kind.Should().Be("upload-change");
        lines["16"].Text.Should().Contain("9 120").And.Contain(before is { } b ? $"{b:#,0}".Replace(",", " ", StringComparison.Ordinal) : "—");
        lines["17"].Kind.Should().Be("upload-change");
        lines["17"].Text.Should().Contain("Yangi kitoblar kelmadi");
        changesBeforeConfirm.Should().Be(0, "the preview stores nothing");
        valueBeforeConfirm.Should().Be(before);
        confirmed.IsRedirectTo("/Actuals").Should().BeTrue();
        (await StoredAsync("16")).Should().Be(9120m);
        await using var db = database.CreateContext();
        (await db.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId && a.Indicator.Number == "17" && a.Month == September).Select(a => a.Note).SingleAsync()).Should().Be("Yangi kitoblar kelmadi");
        var changes = await db.ActualChanges.OrderBy(c => c.Id).Select(c => new { c.UserName, c.ValueBefore, c.ValueAfter }).ToListAsync();
        changes.Should().HaveCount(2, "one change per row, as the grid writes it");
        changes.Should().OnlyContain(c => c.UserName == Lending);
    }

    [Fact]
    public async Task ReadsTheFileAfterLibreOfficeResavedIt_WithRowsReorderedAndAColumnAdded()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var file = Edit(await DownloadAsync(head, _planId, September), sheet =>
        {
            sheet.Set("16", 4321).Set("18", 77);
            sheet.Sheet.Unprotect();

            // The user moves row 18 to the top of the table and adds a column of their own before the name.
            var (first, moved) = (sheet.KeyRow + 1, sheet.RowOf("18"));
            sheet.Sheet.Row(first).InsertRowsAbove(1);
            sheet.Sheet.Row(moved + 1).CopyTo(sheet.Sheet.Row(first));
            sheet.Sheet.Row(moved + 1).Delete();
            sheet.Sheet.Column(2).InsertColumnsBefore(1);
            sheet.Sheet.Cell(sheet.KeyRow - 1, 2).SetValue("Mening izohim");
            sheet.Sheet.Cell(sheet.KeyRow + 2, 2).SetValue("tekshirildi");
        });

        var resaved = ResavedByLibreOffice(file);
        var preview = await Html.ParseAsync(await UploadAsync(head, _planId, September, resaved));
        var lines = Lines(preview);
        var confirmed = await ConfirmAsync(head, preview);

        preview.QuerySelector(".upload-by-names").Should().BeNull("the hidden identifiers survived LibreOffice");
        lines.Where(l => l.Value.Kind == "upload-change").Select(l => l.Key).Should().BeEquivalentTo(["16", "18"]);
        lines.Values.Should().NotContain(l => l.Kind == "upload-problem");
        confirmed.IsRedirectTo("/Actuals").Should().BeTrue();
        (await StoredAsync("16")).Should().Be(4321m);
        (await StoredAsync("18")).Should().Be(77m);
    }

    [Fact]
    public async Task ShowsAValueChangedOnTheServerAfterTheDownloadAsAConflict_AndSavesNeitherUntilTheUserChooses()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var director = database.OctoberFactory.CreateClientAs(Director);
        var file = Edit(await DownloadAsync(head, _planId, September), sheet => sheet.Set("16", 9000).Set("18", 80));
        var directorsFile = Edit(await DownloadAsync(director, _planId, September), sheet => sheet.Set("16", 500));
        await ConfirmAsync(director, await Html.ParseAsync(await UploadAsync(director, _planId, September, directorsFile)));

        var preview = await Html.ParseAsync(await UploadAsync(head, _planId, September, file));
        var lines = Lines(preview);
        var unchosen = await ConfirmAsync(head, preview);
        var again = await Html.ParseAsync(unchosen);
        var afterUnchosen = (await StoredAsync("16"), await StoredAsync("18"));
        var chosen = await ConfirmAsync(head, again, new() { ["16"] = nameof(CellChoice.Mine) });

        lines["16"].Kind.Should().Be("upload-conflict");
        lines["16"].Text.Should().Contain("9 000").And.Contain("500").And.Contain("M.Mo'minova", "the conflict names who saved the other value");
        lines["18"].Kind.Should().Be("upload-change");
        unchosen.StatusCode.Should().Be(HttpStatusCode.OK, "a conflict without a choice saves nothing and shows the preview again");
        Lines(again)["16"].Kind.Should().Be("upload-conflict");
        afterUnchosen.Should().Be((500m, await OriginalAsync("18")), "nothing of the head's file was saved while a conflict was open");
        chosen.IsRedirectTo("/Actuals").Should().BeTrue();
        (await StoredAsync("16")).Should().Be(9000m, "the head kept the file's value over the director's");
        (await StoredAsync("18")).Should().Be(80m);
    }

    [Fact]
    public async Task RefusesRowsOfAnotherService_AndRowsWithBadNumbers_AndSavesTheRest()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var headsRows = NumbersIn(await DownloadAsync(head, _planId, September));
        var directorsFile = await DownloadAsync(database.OctoberFactory.CreateClientAs(Director), _planId, September);
        var foreign = NumbersIn(directorsFile).First(n => !headsRows.Contains(n));
        var file = Edit(directorsFile, sheet => sheet.Set(foreign, 12).Set("16", "o'n ikki").Set("17", -5).Set("18", 12.5).Set(headsRows.First(n => n is not "16" and not "17" and not "18"), 3));

        var preview = await Html.ParseAsync(await UploadAsync(head, _planId, September, file));
        var lines = Lines(preview);
        var confirmed = await ConfirmAsync(head, preview);

        lines[foreign].Kind.Should().Be("upload-problem");
        lines[foreign].Text.Should().Contain("xizmatingizniki emas");
        lines["16"].Kind.Should().Be("upload-problem");
        lines["16"].Text.Should().Contain("o'n ikki");
        lines["17"].Kind.Should().Be("upload-problem");
        lines["18"].Kind.Should().Be("upload-problem", "a count takes no decimals");
        preview.QuerySelector(".upload-summary")!.TextContent.Should().Contain("1");
        confirmed.IsRedirectTo("/Actuals").Should().BeTrue();
        await using var db = database.CreateContext();
        (await db.ActualChanges.Join(db.Indicators, c => c.IndicatorId, i => i.Id, (c, i) => i.Number).ToListAsync()).Should().Equal(headsRows.First(n => n is not "16" and not "17" and not "18"));
    }

    [Fact]
    public async Task WarnsOfAnOfWhichRowAboveItsTotal_AsTheGridDoes_AndStillSavesIt()
    {
        var director = database.OctoberFactory.CreateClientAs(Director);
        await using var db = database.CreateContext();
        var family = await db.Indicators.Where(i => i.PlanId == _planId && i.InForceParentId != null)
            .Select(i => new { Child = i.InForceNumber, Parent = db.Indicators.Single(p => p.Id == i.InForceParentId).InForceNumber })
            .FirstAsync();
        var file = Edit(await DownloadAsync(director, _planId, September), sheet => sheet.Set(family.Parent, 10).Set(family.Child, 25));

        var preview = await Html.ParseAsync(await UploadAsync(director, _planId, September, file));
        var lines = Lines(preview);
        var confirmed = await ConfirmAsync(director, preview);

        lines[family.Child].Kind.Should().Be("upload-change");
        lines[family.Child].Text.Should().Contain("⚠").And.Contain($"{family.Child} ko'rsatkichining qiymati (25) umumiy qiymatdan (10) katta");
        lines[family.Parent].Text.Should().Contain("⚠");
        confirmed.IsRedirectTo("/Actuals").Should().BeTrue("actuals get warnings, not refusals: a total and its rows are often entered by different services");
        (await StoredAsync(family.Child)).Should().Be(25m);
    }

    [Fact]
    public async Task MatchesRowsByNumberAndName_WhenTheHiddenIdentifiersAreGone_AndSaysSo()
    {
        var head = database.OctoberFactory.CreateClientAs(Lending);
        var (name16, name17) = (await NameAsync("16"), await NameAsync("17"));
        var stored16 = await StoredAsync("16");
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Sentyabr");
        sheet.Cell(1, 1).SetValue("Xo'jaobod: sentyabr hisobi");
        sheet.Cell(3, 1).SetValue("№");
        sheet.Cell(3, 2).SetValue("Nomi");
        sheet.Cell(3, 3).SetValue("Sentyabr");
        sheet.Cell(3, 4).SetValue("Izoh");
        object[][] rows = [["16", name16.ToUpperInvariant(), 6000], ["17", name17, 250], ["18", "Boshqa nom", 1]];
        for (var i = 0; i < rows.Length; i++)
        {
            sheet.Cell(4 + i, 1).SetValue((string)rows[i][0]);
            sheet.Cell(4 + i, 2).SetValue((string)rows[i][1]);
            sheet.Cell(4 + i, 3).SetValue((int)rows[i][2]);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        await RemoveStoredAsync("17");

        var preview = await Html.ParseAsync(await UploadAsync(head, _planId, September, stream.ToArray()));
        var lines = Lines(preview);

        preview.QuerySelector(".upload-by-names").Should().NotBeNull();
        lines["16"].Kind.Should().Be(stored16 is null ? "upload-change" : "upload-conflict", "without the file's versions a value differing from a stored one is never a silent overwrite");
        lines["17"].Kind.Should().Be("upload-change", "nothing was stored for row 17");
        lines["18"].Kind.Should().Be("upload-problem");
        lines["18"].Text.Should().Contain("raqam va nomdagi qator yo'q");
        (await ChangeCountAsync()).Should().Be(0);
    }

    private static HashSet<string> NumbersIn(byte[] file)
    {
        using var workbook = new XLWorkbook(new MemoryStream(file));
        var editor = new SheetEditor(workbook.Worksheet(1));
        var numberColumn = editor.Column(MonthWorkbookColumns.Number);
        return [.. workbook.Worksheet(1).Column(numberColumn).CellsUsed().Where(c => c.Address.RowNumber > editor.KeyRow).Select(c => c.GetString())];
    }

    private async Task<int> ChangeCountAsync()
    {
        await using var db = database.CreateContext();
        return await db.ActualChanges.CountAsync();
    }

    private async Task<string> NameAsync(string number)
    {
        await using var db = database.CreateContext();
        return await db.Indicators.Where(i => i.PlanId == _planId && i.Number == number).Select(i => i.Name).SingleAsync();
    }

    private async Task<decimal?> StoredAsync(string number)
    {
        await using var db = database.CreateContext();
        return await db.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId && a.Indicator.Number == number && a.Month == September).Select(a => a.Value).SingleOrDefaultAsync();
    }

    /// <summary>The demo's value of a row before the test changed anything (the first change's "before", or what is stored).</summary>
    private async Task<decimal?> OriginalAsync(string number)
    {
        await using var db = database.CreateContext();
        var first = await db.ActualChanges.Where(c => c.Month == September && db.Indicators.Any(i => i.Id == c.IndicatorId && i.PlanId == _planId && i.Number == number))
            .OrderBy(c => c.Id).Select(c => new { c.ValueBefore }).FirstOrDefaultAsync();
        return first is null ? await StoredAsync(number) : first.ValueBefore;
    }

    private async Task RemoveStoredAsync(string number)
    {
        await using var db = database.CreateContext();
        await db.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId && a.Indicator.Number == number && a.Month == September).ExecuteDeleteAsync();
    }
}
