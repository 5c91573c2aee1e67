using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure.Data;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>
/// A database that holds data written under an earlier schema, migrated to this build's: the rows keep their
/// meaning, and the app works on them.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class UpgradeTests(DatabaseFixture database)
{
    [Fact]
    public async Task NumbersAPlanOfTheFirstSchemaFromOne_WithItsServicesInTheCentresOrder_AndAmendsIt()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(database);
        await using (var db = scratch.CreateContext())
        {
            await MigrateToAsync(db, "_InitialSchema");
            await ExecuteAsync(db, """
                INSERT INTO organisations (id, code, kind, parent_id, name, short_name, director_title, director_name)
                OVERRIDING SYSTEM VALUE VALUES
                    (901, 'up-region', 'Regional', NULL, 'Sinov viloyati AKM', 'Sinov viloyati', NULL, NULL),
                    (902, 'up-district', 'District', 901, 'Sinov tumani AKM', 'Sinov tumani', 'Direktor', 'A. Karimov');
                INSERT INTO services (id, organisation_id, code, name, short_name, sort_order) OVERRIDING SYSTEM VALUE VALUES
                    (911, 902, 'kitobxon', 'Kitobxonlarga xizmat ko''rsatish bo''limi', 'Kitobxonlar', 2),
                    (912, 902, 'axborot', 'Axborot-kutubxona resurslari bo''limi', 'Resurslar', 1),
                    (913, 902, 'ommaviy', 'Ommaviy tadbirlar bo''limi', 'Tadbirlar', 3);
                INSERT INTO plans (id, organisation_id, year, title, status, approval_title, approval_name, approval_date)
                OVERRIDING SYSTEM VALUE VALUES (921, 902, 2022, 'Ish rejasi', 'InForce', 'Direktor', 'A. Karimov', DATE '2022-01-05');
                INSERT INTO sections (id, plan_id, label, title, sort_order) OVERRIDING SYSTEM VALUE VALUES (931, 921, 'I', 'Kitobxonlarga xizmat', 1);
                INSERT INTO indicators (id, plan_id, section_id, parent_id, number, name, unit, measure, previous_fact, target,
                                        mechanism, deadline, schedule_kind, schedule_due_months, rollup, children_partition, sort_order)
                OVERRIDING SYSTEM VALUE VALUES
                    (941, 921, 931, NULL, '1', 'Kitobxonlar soni', 'nafar', 'Count', 9000, 10000, '{}', 'Yil davomida', 'Monthly', 0, 'Sum', false, 1);
                INSERT INTO indicator_services (indicator_id, service_id) VALUES (941, 911), (941, 912);
                INSERT INTO monthly_actuals (indicator_id, month, value, note, entered_by, entered_at)
                VALUES (941, 1, 812, NULL, 'old-user', TIMESTAMPTZ '2022-02-01 10:00+05');
                """);
            await db.Database.MigrateAsync();

            (await ScalarAsync(db, "SELECT version_number FROM plans WHERE id = 921")).Should().Be(1, "a plan's first version is number 1");
            (await ServicesInOrderAsync(db, "indicator_services")).Should().Equal(912, 911);
            (await ServicesInOrderAsync(db, "indicator_in_force_services")).Should().Equal(912, 911);
            await TestUsers.CreateAsync(db, "up.direktor", Roles.Director, "up-district");
        }

        await using var factory = new WorkPlanFactory(scratch.ConnectionString);
        var director = factory.CreateClientAs("up.direktor");
        var page = await director.GetStringAsync("/Plans/Details/921");
        var responsible = System.Text.RegularExpressions.Regex.Match(page, "<td class=\"cell-responsible\">(.*?)</td>", System.Text.RegularExpressions.RegexOptions.Singleline);
        var services = System.Net.WebUtility.HtmlDecode(responsible.Groups[1].Value);
        services.IndexOf("Axborot-kutubxona", StringComparison.Ordinal).Should().BeInRange(0, services.IndexOf("Kitobxonlarga xizmat", StringComparison.Ordinal),
            "the responsible services keep the centre's order");

        var amended = await Forms.PostAsync(director, "/Plans/Details/921", "/Plans/Amend/921", new Dictionary<string, string>
        {
            ["Version"] = (await PlanRowVersionAsync(scratch)).ToString(CultureInfo.InvariantCulture),
            ["Comment"] = "Viloyat topshirig'i",
        });
        amended.StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using (var db = scratch.CreateContext())
        {
            (await ScalarAsync(db, "SELECT version_number FROM plans WHERE id = 921")).Should().Be(2);
            (await ScalarAsync(db, "SELECT number FROM plan_versions WHERE plan_id = 921")).Should().Be(1, "the version kept in force is the first");
        }

        var entry = await director.GetStringAsync("/Actuals?planId=921&month=1");
        entry.Should().Contain("812", "the amendment leaves the version in force driving the entry sheet");
    }

    [Fact]
    public async Task MovesAPlansHistoryUpByOne_WhenItsVersionsWereCountedFromZero()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(database);
        await using var db = scratch.CreateContext();
        await MigrateToJustBeforeAsync(db, "_VersionsCountFromOne");

        // An amendment opened on a plan whose version in force was numbered 0: the draft became 1.
        await ExecuteAsync(db, """
            INSERT INTO organisations (id, code, kind, parent_id, name, short_name) OVERRIDING SYSTEM VALUE VALUES
                (901, 'up-region', 'Regional', NULL, 'Sinov viloyati AKM', 'Sinov viloyati'),
                (902, 'up-district', 'District', 901, 'Sinov tumani AKM', 'Sinov tumani');
            INSERT INTO plans (id, organisation_id, year, title, status, version_number, amendment_reason)
            OVERRIDING SYSTEM VALUE VALUES (921, 902, 2022, 'Ish rejasi', 'Draft', 1, 'Viloyat topshirig''i');
            INSERT INTO plans (id, organisation_id, year, title, status, version_number)
            OVERRIDING SYSTEM VALUE VALUES (922, 902, 2023, 'Ish rejasi', 'Draft', 1);
            INSERT INTO plan_versions (plan_id, number, came_into_force_at, reason, snapshot)
            VALUES (921, 0, TIMESTAMPTZ '2022-01-05 10:00+05', NULL, '{"Id": 921, "VersionNumber": 0}');
            INSERT INTO plan_events (plan_id, plan_version, action, from_status, to_status, user_id, user_name, at)
            VALUES (921, 0, 'CameIntoForce', 'Approved', 'InForce', 'u', 'direktor', TIMESTAMPTZ '2022-01-05 10:00+05'),
                   (921, 1, 'AmendmentOpened', 'InForce', 'Draft', 'u', 'direktor', TIMESTAMPTZ '2022-06-01 10:00+05');
            """);
        await db.Database.MigrateAsync();

        (await ScalarAsync(db, "SELECT version_number FROM plans WHERE id = 921")).Should().Be(2, "the draft follows the version in force, now 1");
        (await ScalarAsync(db, "SELECT version_number FROM plans WHERE id = 922")).Should().Be(1, "a plan numbered from 1 already keeps its number");
        (await ScalarAsync(db, "SELECT number FROM plan_versions WHERE plan_id = 921")).Should().Be(1);
        (await ScalarAsync(db, "SELECT (snapshot ->> 'VersionNumber')::int FROM plan_versions WHERE plan_id = 921")).Should().Be(1, "the snapshot says the number it is kept under");
        (await ScalarAsync(db, "SELECT string_agg(plan_version::text, ',' ORDER BY at) FROM plan_events WHERE plan_id = 921")).Should().Be("1,2");

        var refused = async () => await ExecuteAsync(db, "UPDATE plans SET version_number = 0 WHERE id = 922");
        await refused.Should().ThrowAsync<Npgsql.PostgresException>("a version numbered 0 can no longer be stored");
    }

    [Fact]
    public async Task KeepsEveryTrailsBeforeAndAfter_AndNamesOldCatalogueActionsEntityDotVerb()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(database);
        await using var db = scratch.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_OneAuditTrailShape", StringComparison.Ordinal)) - 1]);

        await ExecuteAsync(db, """
            INSERT INTO organisations (id, code, kind, parent_id, name, short_name) OVERRIDING SYSTEM VALUE VALUES
                (951, 'tr-region', 'Regional', NULL, 'Sinov viloyati AKM', 'Sinov viloyati'),
                (952, 'tr-district', 'District', 951, 'Sinov tumani AKM', 'Sinov tumani');
            INSERT INTO plans (id, organisation_id, year, title, status, version_number)
            OVERRIDING SYSTEM VALUE VALUES (961, 952, 2022, 'Ish rejasi', 'InForce', 1);
            INSERT INTO plan_events (plan_id, plan_version, action, from_status, to_status, user_id, user_name, at)
            VALUES (961, 1, 'Approved', 'Agreed', 'InForce', 'u', 'direktor', TIMESTAMPTZ '2022-01-05 10:00+05');
            INSERT INTO audit_entries (at, user_id, user_name, action, entity_type, entity_id, organisation_id, before, after)
            VALUES (TIMESTAMPTZ '2022-01-06 10:00+05', 'u', 'metodist', 'CatalogueMapped', 'Plan', '961', 952, NULL, '[]'),
                   (TIMESTAMPTZ '2022-01-07 10:00+05', 'u', 'admin', 'User.Created', 'User', 'x', 952, NULL, '{}');
            """);
        await db.Database.MigrateAsync();

        (await ScalarAsync(db, "SELECT status_before || ' > ' || status_after FROM plan_events WHERE plan_id = 961")).Should().Be("Agreed > InForce");
        (await ScalarAsync(db, "SELECT string_agg(action, ',' ORDER BY at) FROM audit_entries WHERE organisation_id = 952")).Should().Be("Catalogue.Mapped,User.Created");
        (await ScalarAsync(db, "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'actual_changes' AND column_name LIKE '%_before' OR table_name = 'actual_changes' AND column_name LIKE '%_after'"))
            .Should().Be("note_after,note_before,value_after,value_before");
    }

    [Fact]
    public async Task GivesEveryExistingCentreItsRegion_SoThatTheRegionSeesItsDistrictsPlans()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(database);
        await using var db = scratch.CreateContext();
        await MigrateToJustBeforeAsync(db, "_OrganisationRegions");
        await ExecuteAsync(db, """
            INSERT INTO organisations (id, code, kind, parent_id, name, short_name) OVERRIDING SYSTEM VALUE VALUES
                (900, 'up-national', 'National', NULL, 'Milliy kutubxona', 'Milliy'),
                (901, 'up-region', 'Regional', 900, 'Sinov viloyati AKM', 'Sinov viloyati'),
                (902, 'up-district', 'District', 901, 'Sinov tumani AKM', 'Sinov tumani'),
                (903, 'up-other', 'Regional', 900, 'Boshqa viloyat AKM', 'Boshqa viloyat'),
                (904, 'up-other-district', 'District', 903, 'Boshqa tuman AKM', 'Boshqa tuman');
            INSERT INTO plans (id, organisation_id, year, title, status, version_number) OVERRIDING SYSTEM VALUE VALUES
                (921, 902, 2022, 'Ish rejasi', 'Draft', 1),
                (922, 904, 2022, 'Ish rejasi', 'Draft', 1);
            """);
        await db.Database.MigrateAsync();

        (await ScalarAsync(db, "SELECT string_agg(id || ':' || coalesce(region_id::text, '-'), ',' ORDER BY id) FROM organisations"))
            .Should().Be("900:-,901:-,902:901,903:-,904:903", "a district belongs to the regional centre above it; a region and the country to none");
        var methodologist = new CurrentUser("u", "up.metodist", Roles.RegionalMethodologist, 901, Core.Organisations.OrganisationKind.Regional, null);
        (await db.Plans.Where(Core.Access.AccessRules.PlansVisibleTo(methodologist)).Select(p => p.Id).ToListAsync())
            .Should().Equal([921], "the region reads its own district's plan and no other region's");
    }

    private static async Task MigrateToAsync(AppDbContext db, string suffix) =>
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith(suffix, StringComparison.Ordinal)));

    private static async Task MigrateToJustBeforeAsync(AppDbContext db, string suffix)
    {
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith(suffix, StringComparison.Ordinal)) - 1]);
    }

    private static async Task ExecuteAsync(AppDbContext db, string sql) => await ScalarAsync(db, sql);

    /// <summary>Runs plain SQL on the context's connection (no parameters, so braces in it are text).</summary>
    private static async Task<object?> ScalarAsync(AppDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<int>> ServicesInOrderAsync(AppDbContext db, string table)
    {
        var ids = (string)(await ScalarAsync(db, $"SELECT string_agg(service_id::text, ',' ORDER BY position) FROM {table} WHERE indicator_id = 941"))!;
        return [.. ids.Split(',').Select(id => int.Parse(id, CultureInfo.InvariantCulture))];
    }

    private static async Task<uint> PlanRowVersionAsync(ScratchDatabase scratch)
    {
        await using var db = scratch.CreateContext();
        return await db.Plans.Where(p => p.Id == 921).Select(p => p.Version).SingleAsync();
    }
}
