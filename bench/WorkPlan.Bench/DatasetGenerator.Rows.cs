using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;
using WorkPlan.Infrastructure;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Bench;

/// <summary>The rows the generator writes: templates, organisations, users, month values and report snapshots.</summary>
internal static partial class DatasetGenerator
{
    /// <summary>Each region's published template: the catalogue's 60 rows with the codes the districts' rows carry.</summary>
    private static async Task WriteTemplatesAsync(NpgsqlConnection connection, int[] regionIds, IReadOnlyList<CatalogueRow> catalogue)
    {
        await using (var templates = await connection.BeginBinaryImportAsync("COPY regional_templates (id, region_id, published_at, published_by) FROM STDIN (FORMAT BINARY)"))
        {
            for (var r = 0; r < regionIds.Length; r++)
            {
                await templates.StartRowAsync();
                await templates.WriteAsync(r + 1, NpgsqlDbType.Integer);
                await templates.WriteAsync(regionIds[r], NpgsqlDbType.Integer);
                await templates.WriteAsync(new DateTimeOffset(2021, 12, 20, 5, 0, 0, TimeSpan.Zero), NpgsqlDbType.TimestampTz);
                await templates.WriteAsync($"r{r + 1:00}.metodist", NpgsqlDbType.Varchar);
            }

            await templates.CompleteAsync();
        }

        await using var items = await connection.BeginBinaryImportAsync(
            "COPY template_indicators (id, template_id, parent_id, code, section_label, section_title, number, name, unit, measure, rollup, mechanism, schedule_kind, schedule_due_months, children_partition, service_codes, sort_order, national_code) FROM STDIN (FORMAT BINARY)");
        var id = 1;
        for (var r = 0; r < regionIds.Length; r++)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in catalogue)
            {
                ids[row.Number] = id;
                await items.StartRowAsync();
                await items.WriteAsync(id++, NpgsqlDbType.Integer);
                await items.WriteAsync(r + 1, NpgsqlDbType.Integer);
                if (row.ParentNumber is null)
                {
                    await items.WriteNullAsync();
                }
                else
                {
                    await items.WriteAsync(ids[row.ParentNumber], NpgsqlDbType.Integer);
                }

                await items.WriteAsync(TemplateRules.CodeFor(row.Number), NpgsqlDbType.Varchar);
                await items.WriteAsync(SectionLabels[row.Section], NpgsqlDbType.Varchar);
                await items.WriteAsync(SectionTitles[row.Section], NpgsqlDbType.Varchar);
                await items.WriteAsync(row.Number, NpgsqlDbType.Varchar);
                await items.WriteAsync(row.Name, NpgsqlDbType.Varchar);
                await items.WriteAsync(row.Unit, NpgsqlDbType.Varchar);
                await items.WriteAsync(row.Measure.ToString(), NpgsqlDbType.Varchar);
                await items.WriteAsync(row.Rollup.ToString(), NpgsqlDbType.Varchar);
                await items.WriteAsync(row.Mechanism, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await items.WriteAsync(nameof(ScheduleKind.Monthly), NpgsqlDbType.Varchar);
                await items.WriteAsync(AllMonthsMask, NpgsqlDbType.Integer);
                await items.WriteAsync(false, NpgsqlDbType.Boolean);
                await items.WriteAsync(row.Services.Select(s => ServiceCodes[s]).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await items.WriteAsync(row.SortOrder, NpgsqlDbType.Integer);
                if (IsRegionsOwn(r, row, catalogue))
                {
                    await items.WriteNullAsync();
                }
                else
                {
                    await items.WriteAsync(NationalCode(row), NpgsqlDbType.Varchar);
                }
            }
        }

        await items.CompleteAsync();
    }

    /// <summary>
    /// The National Library's published catalogue: one national indicator per catalogue row (the regions map their codes
    /// to it, <see cref="NationalCode"/>), so that the national consolidation adds every region's figures.
    /// </summary>
    private static async Task WriteNationalCatalogueAsync(NpgsqlConnection connection, IReadOnlyList<CatalogueRow> catalogue)
    {
        var published = new DateTimeOffset(2021, 12, 1, 5, 0, 0, TimeSpan.Zero);
        await Database.Execute(connection, "INSERT INTO national_catalogues (id, published_at, published_by) VALUES (1, '2021-12-01T05:00:00Z', 'n.metodist')");
        await using var items = await connection.BeginBinaryImportAsync(
            "COPY national_indicators (id, catalogue_id, code, section_label, section_title, number, name, unit, measure, rollup, sort_order, published_at, published_by) FROM STDIN (FORMAT BINARY)");
        var id = 1;
        foreach (var row in catalogue)
        {
            await items.StartRowAsync();
            await items.WriteAsync(id++, NpgsqlDbType.Integer);
            await items.WriteAsync(1, NpgsqlDbType.Integer);
            await items.WriteAsync(NationalCode(row), NpgsqlDbType.Varchar);
            await items.WriteAsync(SectionLabels[row.Section], NpgsqlDbType.Varchar);
            await items.WriteAsync(SectionTitles[row.Section], NpgsqlDbType.Varchar);
            await items.WriteAsync(row.Number, NpgsqlDbType.Varchar);
            await items.WriteAsync(row.Name, NpgsqlDbType.Varchar);
            await items.WriteAsync(row.Unit, NpgsqlDbType.Varchar);
            await items.WriteAsync(row.Measure.ToString(), NpgsqlDbType.Varchar);
            await items.WriteAsync(row.Rollup.ToString(), NpgsqlDbType.Varchar);
            await items.WriteAsync(row.SortOrder, NpgsqlDbType.Integer);
            await items.WriteAsync(published, NpgsqlDbType.TimestampTz);
            await items.WriteAsync("n.metodist", NpgsqlDbType.Varchar);
        }

        await items.CompleteAsync();
    }

    /// <summary>The national code a catalogue row counts in.</summary>
    private static string NationalCode(CatalogueRow row) => "N" + TemplateRules.CodeFor(row.Number);

    /// <summary>The last region keeps its last catalogue row as its own indicator, left out of the national figures.</summary>
    private static bool IsRegionsOwn(int region, CatalogueRow row, IReadOnlyList<CatalogueRow> catalogue) =>
        region == DatasetSize.Regions - 1 && row == catalogue[^1];

    /// <summary>
    /// District counts per region: the first region (the one measured) takes 20 whatever the size, when the others can still
    /// have one each, so that its pages' own work stays the same and only the other regions' data grows; the rest share evenly.
    /// </summary>
    public static int[] SpreadDistricts(int districts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(districts, DatasetSize.Regions);
        var counts = new int[DatasetSize.Regions];
        counts[0] = Math.Min(DatasetSize.MeasuredRegionDistricts, districts - (DatasetSize.Regions - 1));
        var rest = districts - counts[0];
        for (var r = 1; r < DatasetSize.Regions; r++)
        {
            counts[r] = (rest / (DatasetSize.Regions - 1)) + (r - 1 < rest % (DatasetSize.Regions - 1) ? 1 : 0);
        }

        return counts;
    }

    private static async Task<NpgsqlBinaryImporter> BeginCopyAsync(string connectionString, List<NpgsqlConnection> opened, string copyCommand)
    {
        var connection = new NpgsqlConnection(connectionString);
        opened.Add(connection);
        await connection.OpenAsync();
        await Database.Execute(connection, "SET session_replication_role = replica");
        return await connection.BeginBinaryImportAsync(copyCommand);
    }

    private static async Task OrganisationRow(NpgsqlBinaryImporter copy, int id, string code, string kind, int? parent, string name, string shortName, string directorTitle, string directorName)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(id, NpgsqlDbType.Integer);
        await copy.WriteAsync(code, NpgsqlDbType.Varchar);
        await copy.WriteAsync(kind, NpgsqlDbType.Varchar);
        // A district's region is its parent; a region and the country belong to none (as the Organisation entity settles it).
        foreach (var key in new[] { parent, kind == "District" ? parent : null })
        {
            if (key is { } k)
            {
                await copy.WriteAsync(k, NpgsqlDbType.Integer);
            }
            else
            {
                await copy.WriteNullAsync();
            }
        }

        await copy.WriteAsync(name, NpgsqlDbType.Varchar);
        await copy.WriteAsync(shortName, NpgsqlDbType.Varchar);
        await copy.WriteAsync(directorTitle, NpgsqlDbType.Varchar);
        await copy.WriteAsync(directorName, NpgsqlDbType.Varchar);
    }

    private static async Task WriteUsersAsync(NpgsqlConnection connection, List<UserRow> users)
    {
        // One hash for every account (same password, same salt): made by the app's hasher with the app's settings,
        // so sign-in verifies it exactly as in production (PBKDF2-HMAC-SHA512, 210,000 iterations).
        var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = DependencyInjection.PasswordHashIterations,
        }));
        var hash = hasher.HashPassword(new AppUser(), Password);
        var created = new DateTimeOffset(2021, 12, 1, 0, 0, 0, TimeSpan.Zero);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"AspNetUsers\" (id, full_name, organisation_id, role, service_id, is_active, must_change_password, is_demo, created_at, user_name, normalized_user_name, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count) FROM STDIN (FORMAT BINARY)");
        foreach (var user in users)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(user.Id, NpgsqlDbType.Text);
            await copy.WriteAsync(user.FullName, NpgsqlDbType.Varchar);
            await copy.WriteAsync(user.OrganisationId, NpgsqlDbType.Integer);
            await copy.WriteAsync(user.Role, NpgsqlDbType.Varchar);
            if (user.ServiceId is { } service)
            {
                await copy.WriteAsync(service, NpgsqlDbType.Integer);
            }
            else
            {
                await copy.WriteNullAsync();
            }

            await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(user.UserName, NpgsqlDbType.Varchar);
            await copy.WriteAsync(user.UserName.ToUpperInvariant(), NpgsqlDbType.Varchar);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(hash, NpgsqlDbType.Text);
            await copy.WriteAsync(Guid.NewGuid().ToString("N").ToUpperInvariant(), NpgsqlDbType.Text);
            await copy.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
        }

        await copy.CompleteAsync();
    }

    /// <summary>Monthly values near the linear pace: flows add up to about the target, stocks grow to it, one-off states peak below it.</summary>
    private static decimal[] MonthValues(CatalogueRow row, decimal target, Random random)
    {
        var values = new decimal[12];
        var digits = row.Measure == Measure.Money ? 2 : 0;
        for (var m = 0; m < 12; m++)
        {
            var noise = (decimal)(0.8 + (random.NextDouble() * 0.4));
            values[m] = row.Rollup switch
            {
                RollupKind.Sum => Math.Round(target / 12 * noise, digits),
                RollupKind.Last => Math.Round(target * (m + 1) / 12 * noise, digits),
                _ => Math.Round(target * noise * 0.9m, digits),
            };
        }

        return values;
    }

    private static DateTimeOffset EnteredAt(int year, int month) =>
        new DateTimeOffset(year, month, 1, 6, 0, 0, TimeSpan.Zero).AddMonths(1).AddDays(1);

    /// <summary>The report as the app stores it on submission (the same record, serialised the same way).</summary>
    private static QuarterlyReportDocument Snapshot(
        int planId, int year, int quarter, string organisationName, string[] sectionTitles,
        List<(CatalogueRow Row, int Id, decimal? Target, decimal[] Months, string?[] Notes)> rows, int sectionCount)
    {
        var months = Quarters.Months(quarter).ToList();
        var sections = new List<QuarterlyReportSection>();
        for (var s = 0; s < sectionCount; s++)
        {
            var sectionRows = rows.Where(r => r.Row.Section == s).Select(r =>
            {
                var upTo = Enumerable.Range(1, Quarters.LastMonth(quarter)).Select(m => (m, r.Months[m - 1])).ToList();
                var quarterValue = Rollup.Combine(r.Row.Rollup, upTo.Where(v => months.Contains(v.m)));
                var ytd = Rollup.Combine(r.Row.Rollup, upTo);
                decimal? percent = ytd is { } y && r.Target is > 0 ? Math.Round(y * 100 / r.Target.Value, 1) : null;
                var notes = string.Join("; ", months.Select(m => r.Notes[m - 1]).Where(n => n is not null));
                return new QuarterlyReportRow(r.Id, r.Row.Number, r.Row.Name, r.Row.Unit, r.Row.Measure, r.Target, quarterValue, ytd, percent,
                    notes.Length == 0 ? null : notes, r.Row.ParentNumber is not null);
            }).ToList();
            sections.Add(new QuarterlyReportSection(SectionLabels[s], sectionTitles[s], sectionRows));
        }

        return new QuarterlyReportDocument(planId, year, quarter, organisationName, $"{year}-yil uchun ish rejasi", "Tuman AKM direktori", "D. Direktor", "Inspektor", sections);
    }

    private sealed record UserRow(string UserName, string FullName, int OrganisationId, string Role, int? ServiceId)
    {
        public string Id { get; } = Guid.NewGuid().ToString();
    }
}
