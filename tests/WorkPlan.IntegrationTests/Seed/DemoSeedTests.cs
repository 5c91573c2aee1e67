using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Plans;
using WorkPlan.Infrastructure.Data;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.Infrastructure.Identity;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Seed;

[Collection(DatabaseTests.Name)]
public sealed class DemoSeedTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LoadsTheXojaobodPlanWithEverySectionAndRow()
    {
        await using var db = database.CreateContext();

        var plan = await db.Plans.Include(p => p.Organisation).SingleAsync(p => p.Organisation!.Code == "xojaobod");
        var sections = await db.Sections.Where(s => s.Plan!.Organisation!.Code == "xojaobod").OrderBy(s => s.SortOrder).Select(s => s.Label + ". " + s.Title).ToListAsync();
        var numbers = await Xojaobod(db).OrderBy(i => i.SortOrder).Select(i => new { i.Number, i.ParentId }).ToListAsync();

        plan.Year.Should().Be(2022);
        plan.Organisation!.ShortName.Should().Be("Xo'jaobod TAKM");
        plan.Title.Should().Be("Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining 2022 yil uchun mo'ljallangan ish rejasi");
        sections.Should().Equal(
            "I. ILMIY-METODIK FAOLIYAT", "II. ASOSIY ISHLAB CHIQRISH FAOLIYATI", "III. KADRLAR MALAKASINI OSHIRISH", "V. OAV BILAN ISHLASH");
        numbers.Should().HaveCount(55);
        numbers.Count(n => n.ParentId is null).Should().Be(42);
        numbers.Where(n => n.ParentId is null).Select(n => n.Number)
            .Should().Equal(Enumerable.Range(1, 42).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        numbers.Where(n => n.ParentId is not null).Select(n => n.Number).Should().Equal(
            "10.1", "10.2", "10.3", "10.4", "15.1", "22.1", "22.2", "22.3", "23.1", "23.2", "23.3", "42.1", "42.2");
        numbers.Select(n => n.Number).Should().BeInAscendingOrder(NumberLabel.Comparer);
    }

    [Fact]
    public async Task KeepsBothSignatureBlocksAsSigned()
    {
        await using var db = database.CreateContext();

        var plan = await db.Plans.SingleAsync(p => p.Organisation!.Code == "xojaobod");

        plan.Status.Should().Be(PlanStatus.InForce);
        plan.Agreement.Should().Be(new SignatureBlock("Bobur nomidagi Andijon viloyat axborot-kutubxona markazi direktori", "G.Ismailova", null));
        plan.Approval.Should().Be(new SignatureBlock("Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi direktori", "M.Mo'minova", new DateOnly(2022, 1, 5)));
    }

    [Fact]
    public async Task SplitsRow10IntoPartsThatAddUp_AndKeeps10Point3AsNoValue()
    {
        await using var db = database.CreateContext();

        var rows = await Xojaobod(db).Where(i => i.Number.StartsWith("10")).ToDictionaryAsync(i => i.Number);

        (rows["10.2"].PreviousFact + rows["10.4"].PreviousFact).Should().Be(rows["10"].PreviousFact).And.Be(4379m);
        (rows["10.2"].Target + rows["10.4"].Target).Should().Be(rows["10"].Target).And.Be(4000m);
        rows["10.3"].PreviousFact.Should().BeNull();
        rows["10.3"].Target.Should().BeNull();
        rows["10.1"].Target.Should().Be(0m);
        rows["10"].ChildrenPartition.Should().BeTrue();
        rows["10.1"].ParentId.Should().Be(rows["10"].Id);
    }

    [Fact]
    public async Task ReadsRow16AsOneNumber_AndSplitsTheStackedRowsIntoSubIndicators()
    {
        await using var db = database.CreateContext();

        var rows = await Xojaobod(db).ToDictionaryAsync(i => i.Number);

        rows["16"].Target.Should().Be(105000m);
        (rows["15"].PreviousFact, rows["15"].Target).Should().Be((11340m, 14000m));
        (rows["15.1"].PreviousFact, rows["15.1"].Target).Should().Be((3531m, 2660m));
        new[] { rows["22.1"].Target, rows["22.2"].Target, rows["22.3"].Target }.Should().Equal(30m, 320m, 71m);
        new[] { rows["23.1"].Target, rows["23.2"].Target, rows["23.3"].Target }.Should().Equal(200m, null, 120m);
        rows["42.1"].Measure.Should().Be(Measure.Money);
        rows["42.1"].Unit.Should().Be("So'mda");
    }

    [Fact]
    public async Task GivesEveryIndicatorItsResponsibleServices_NormalisedToOneRecordEach()
    {
        await using var db = database.CreateContext();

        var services = await db.Services.Where(s => s.Organisation!.Code == "xojaobod").OrderBy(s => s.SortOrder).Select(s => s.Name).ToListAsync();
        var withoutService = await Xojaobod(db).Where(i => !i.Services.Any()).Select(i => i.Number).ToListAsync();
        var row38 = await Xojaobod(db).Where(i => i.Number == "38").Select(i => i.Services.Count).SingleAsync();
        var row18 = await Xojaobod(db).Where(i => i.Number == "18").SelectMany(i => i.Services.Select(s => s.Name)).ToListAsync();

        services.Should().Equal(
            "Axborot-bibliografiya xizmati",
            "Fondlarni to'ldirish, saqlash va ularga ishlov berish xizmati",
            "Abonementlarga foydalanuvchilarga xizmat ko'rsatish xizmati",
            "Axborot kommunikatsiya texnologiyalar va raqamlashtirish xizmati",
            "Elektron resurslardan foydalanish va o'quv zallari xizmati",
            "Kadrlar bo'yicha inspektor");
        withoutService.Should().Equal(["42", "42.1", "42.2"], "the paper names no responsible service for the paid services");
        row38.Should().Be(services.Count, "\"Barcha xizmatlar\" means every service of the centre");
        row18.Should().BeEquivalentTo("Abonementlarga foydalanuvchilarga xizmat ko'rsatish xizmati", "Axborot-bibliografiya xizmati");
    }

    [Fact]
    public async Task CleansMechanismsIntoNumberedSteps_AndKeepsDeadlinesWithTheirSchedule()
    {
        await using var db = database.CreateContext();

        var rows = await Xojaobod(db).ToDictionaryAsync(i => i.Number);

        rows["2"].Mechanism.Should().HaveCount(3);
        rows["3"].Mechanism[1].Should().Contain("markazi hududida mavjud", "row 3's mechanism continues after the page break");
        rows.Values.SelectMany(r => r.Mechanism).Should().NotContain(step => step.Contains('<') || step.Contains('>'));
        rows["3"].Deadline.Should().Be("2022 yil I-chorak");
        rows["3"].Schedule.Months.Should().Equal(1, 2, 3);
        rows["14"].Schedule.Kind.Should().Be(ScheduleKind.Monthly);
        rows["30"].Schedule.Months.Should().Equal(9, 10, 11, 12);
        rows["37"].Schedule.Months.Should().Equal(3, 6, 9, 12);
    }

    [Fact]
    public async Task ObeysThePlanRules_ForEveryParentRow()
    {
        await using var db = database.CreateContext();

        var indicators = await Xojaobod(db).AsNoTracking().ToListAsync();
        var errors = indicators.Where(i => i.ParentId is null)
            .SelectMany(parent => PlanRules.CheckChildren(parent, [.. indicators.Where(c => c.ParentId == parent.Id)]))
            .ToList();

        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task ChangesNothing_WhenSeededAgain()
    {
        var before = await SnapshotAsync();

        await using (var db = database.CreateContext())
        {
            await new DemoDataSeeder(db, NullLogger<DemoDataSeeder>.Instance).SeedAsync();
            var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
            await new DemoUserSeeder(db, hasher, TimeProvider.System, NullLogger<DemoUserSeeder>.Instance).SeedAsync();
        }

        var after = await SnapshotAsync();
        after.Should().Be(before);
    }

    private static IQueryable<Indicator> Xojaobod(AppDbContext db) => db.Indicators.Where(i => i.Plan!.Organisation!.Code == "xojaobod");

    private async Task<string> SnapshotAsync()
    {
        await using var db = database.CreateContext();
        var organisations = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id + o.Code + o.DirectorName).ToListAsync();
        var services = await db.Services.Where(s => s.Organisation!.Code == "xojaobod").OrderBy(s => s.Id).Select(s => s.Id + s.Name).ToListAsync();
        var plans = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id + p.Title + p.Version).ToListAsync();
        var indicators = await db.Indicators.OrderBy(i => i.Id).Select(i => i.Id + i.Number + i.Target + i.Services.Count).ToListAsync();
        var users = await db.Users.OrderBy(u => u.Id).Select(u => u.Id + u.UserName + u.PasswordHash + u.SecurityStamp).ToListAsync();
        return string.Join('|', organisations.Concat(services).Concat(plans).Concat(indicators).Concat(users));
    }
}
