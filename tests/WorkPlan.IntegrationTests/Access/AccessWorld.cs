using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Infrastructure.Identity;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Access;

/// <summary>
/// The demo data plus a second region (Namangan, with the Chust district, its plan, service and a
/// user) and one non-acting "target" user per district, so that every actor has both own and
/// foreign records to try.
/// </summary>
public sealed class AccessWorld
{
    public const string Password = "Tizim-sinov-2026";

    public required IReadOnlyDictionary<string, int> Organisations { get; init; }

    public required IReadOnlyDictionary<string, int> Plans { get; init; }

    public required IReadOnlyDictionary<string, int> Services { get; init; }

    public required IReadOnlyDictionary<string, string> Users { get; init; }

    /// <summary>Per organisation code: a section and a leaf indicator of its plan.</summary>
    public required IReadOnlyDictionary<string, int> Sections { get; init; }

    public required IReadOnlyDictionary<string, int> Indicators { get; init; }

    public static async Task<AccessWorld> BuildAsync(DatabaseFixture database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        var national = await db.Organisations.SingleAsync(o => o.Code == "national");
        var namangan = new Organisation("namangan", OrganisationKind.Regional, "Namangan viloyat axborot-kutubxona markazi", "Namangan viloyat AKM", national);
        var chust = new Organisation("chust", OrganisationKind.District, "Namangan viloyati Chust tuman axborot-kutubxona markazi", "Chust TAKM", namangan);
        var chustService = new ServiceUnit(chust, "bibliography", "Axborot-bibliografiya xizmati", null, 1);
        chust.Services.Add(chustService);
        var plan = new Plan(chust, 2022, "Chust tuman AKMning 2022 yil uchun ish rejasi");
        var section = plan.AddSection("I", "ILMIY-METODIK FAOLIYAT");
        plan.AddIndicator(section, new IndicatorDefinition("1", "Qo'llanmalar", "Hujjat", Measure.Count, 1, 2, ["Reja asosida"], "2022-yil davomida", DueSchedule.DuringYear(), RollupKind.Sum, false), [chustService]);
        db.AddRange(namangan, chust, plan);
        await db.SaveChangesAsync();

        var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Code, o => o.Id);
        foreach (var (name, code, role) in new[]
        {
            ("xojaobod.target", "xojaobod", Roles.Inspector),
            ("asaka.target", "asaka", Roles.Inspector),
            ("chust.target", "chust", Roles.Inspector),
            ("chust.admin", "chust", Roles.Administrator),
            ("milliy.direktor", "national", Roles.NationalDirector),
            ("milliy.metodist", "national", Roles.NationalMethodologist),
        })
        {
            var user = new AppUser
            {
                UserName = name,
                NormalizedUserName = name.ToUpperInvariant(),
                FullName = name,
                Role = role,
                OrganisationId = organisations[code],
                IsActive = true,
                IsDemo = true,
                LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
        }

        await db.SaveChangesAsync();

        // Every plan a draft with a stored first version, so that editing, workflow and version pages all have something to act on.
        foreach (var existing in await db.Plans.ToListAsync())
        {
            existing.RecordPaperSignatures(existing.Agreement, existing.Approval, PlanStatus.Draft);
        }

        await db.SaveChangesAsync();
        foreach (var code in new[] { "xojaobod", "asaka", "chust" })
        {
            var document = await SeedDocuments.OfAsync(database, code);
            db.PlanVersions.Add(new PlanVersion(document.Id, 1, DateTimeOffset.UtcNow, null, document));
        }

        await db.SaveChangesAsync();
        return new AccessWorld
        {
            Organisations = organisations,
            Plans = await db.Plans.ToDictionaryAsync(p => p.Organisation!.Code, p => p.Id),
            Services = await db.Services.Where(s => s.Code == "bibliography").ToDictionaryAsync(s => s.Organisation!.Code, s => s.Id),
            Users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id),
            Sections = await db.Sections.GroupBy(s => s.Plan!.Organisation!.Code).ToDictionaryAsync(g => g.Key, g => g.Min(s => s.Id)),
            Indicators = await db.Indicators.Where(i => !i.Children.Any()).GroupBy(i => i.Plan!.Organisation!.Code).ToDictionaryAsync(g => g.Key, g => g.Max(i => i.Id)),
        };
    }
}
