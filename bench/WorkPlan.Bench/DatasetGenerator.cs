using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
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

/// <summary>The size of a generated national dataset.</summary>
internal sealed record DatasetSize(int Districts, int Years)
{
    /// <summary>The last plan year; the app's clock is set to 20 December of it, so December is open for entry.</summary>
    public const int LastYear = 2024;

    public const int Regions = 14;

    public const int IndicatorsPerPlan = 60;

    public string Label => $"{Districts}x{Years}";

    public int FirstYear => LastYear - Years + 1;
}

/// <summary>What the measuring step needs to know about a generated dataset.</summary>
internal sealed record DatasetManifest(
    string Label,
    int Districts,
    int Years,
    int Year,
    int RegionId,
    int TargetPlanId,
    string Password,
    string DirectorUser,
    string InspectorUser,
    string ServiceHeadUser,
    string RegionalUser,
    IReadOnlyList<SaveWorker> SaveWorkers,
    long MonthlyActuals,
    double SecondsToGenerate);

/// <summary>A district whose service head saves monthly entries in the measured save loop.</summary>
internal sealed record SaveWorker(string UserName, int PlanId);

/// <summary>
/// Writes a national dataset straight into the app's tables with binary COPY: 14 regions, the districts
/// spread over them (one region holds 20 of 186), a 60-row plan per district and year in force, 12 months
/// of actuals per row, the quarterly reports submitted and accepted (the last quarter of the last year
/// still open), and users whose password hashes use the app's own hasher settings.
/// </summary>
internal static class DatasetGenerator
{
    public const string Password = "Bench-parol-2024";

    private const int AllMonthsMask = 0b1_1111_1111_1110;

    private static readonly string[] ServiceNames =
    [
        "Axborot-bibliografiya xizmati", "Fondlarni shakllantirish xizmati", "Abonement xizmati",
        "Axborot-kommunikatsiya texnologiyalari xizmati", "O'quv zali xizmati", "Kadrlar bo'limi",
    ];

    private static readonly string[] ServiceCodes = ["bibliografiya", "fond", "abonement", "akt", "zal", "kadrlar"];

    private static readonly string[] SectionTitles =
    [
        "ILMIY-METODIK FAOLIYAT", "FONDLARNI SHAKLLANTIRISH", "FOYDALANUVCHILARGA XIZMAT KO'RSATISH",
        "AXBOROT-KOMMUNIKATSIYA TEXNOLOGIYALARI", "KADRLAR BILAN ISHLASH",
    ];

    private static readonly string[] SectionLabels = ["I", "II", "III", "IV", "V"];

    private static readonly string[] RegionNames =
    [
        "Andijon", "Buxoro", "Farg'ona", "Jizzax", "Xorazm", "Namangan", "Navoiy", "Qashqadaryo",
        "Qoraqalpog'iston", "Samarqand", "Sirdaryo", "Surxondaryo", "Toshkent viloyati", "Toshkent shahri",
    ];

    public static async Task<DatasetManifest> GenerateAsync(string connectionString, DatasetSize size, int saveWorkers)
    {
        var clock = Stopwatch.StartNew();
        await Database.RecreateAsync(connectionString);
        var catalogue = Catalogue.Build();
        var districtsPerRegion = SpreadDistricts(size.Districts);
        var random = new Random(20241220);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Organisations: 1 national, 14 regional, the districts. Ids are assigned here and the identity sequences moved after.
        var regionIds = new int[DatasetSize.Regions];
        var districts = new List<(int Id, int RegionId, string Code, string Name)>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY organisations (id, code, kind, parent_id, region_id, name, short_name, director_title, director_name) FROM STDIN (FORMAT BINARY)"))
        {
            await OrganisationRow(copy, 1, "national", "National", null, "Alisher Navoiy nomidagi O'zbekiston Milliy kutubxonasi", "Milliy kutubxona", "Direktor", "N. Milliy");
            var id = 2;
            for (var r = 0; r < DatasetSize.Regions; r++)
            {
                regionIds[r] = id;
                await OrganisationRow(copy, id, $"r{r + 1:00}", "Regional", 1, $"{RegionNames[r]} viloyat AKM", $"{RegionNames[r]} AKM", $"{RegionNames[r]} viloyat AKM direktori", $"R. Direktor{r + 1}");
                id++;
            }

            var number = 1;
            for (var r = 0; r < DatasetSize.Regions; r++)
            {
                for (var d = 0; d < districtsPerRegion[r]; d++)
                {
                    var code = $"d{number:000}";
                    var name = $"{RegionNames[r]} {d + 1}-tuman AKM";
                    districts.Add((id, regionIds[r], code, name));
                    await OrganisationRow(copy, id, code, "District", regionIds[r], name, $"{d + 1}-tuman AKM", "Tuman AKM direktori", $"D. Direktor{number}");
                    id++;
                    number++;
                }
            }

            await copy.CompleteAsync();
        }

        // Six services per district.
        var serviceIds = new Dictionary<int, int[]>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY services (id, organisation_id, code, name, short_name, sort_order) FROM STDIN (FORMAT BINARY)"))
        {
            var id = 1;
            foreach (var district in districts)
            {
                var ids = new int[ServiceCodes.Length];
                for (var s = 0; s < ServiceCodes.Length; s++)
                {
                    ids[s] = id;
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id++, NpgsqlDbType.Integer);
                    await copy.WriteAsync(district.Id, NpgsqlDbType.Integer);
                    await copy.WriteAsync(ServiceCodes[s], NpgsqlDbType.Varchar);
                    await copy.WriteAsync(ServiceNames[s], NpgsqlDbType.Varchar);
                    await copy.WriteAsync(ServiceNames[s].Split(' ')[0], NpgsqlDbType.Varchar);
                    await copy.WriteAsync(s + 1, NpgsqlDbType.Integer);
                }

                serviceIds[district.Id] = ids;
            }

            await copy.CompleteAsync();
        }

        // Users: per district a director, an inspector and a head of each service; per region a director and a methodologist.
        var users = new List<UserRow>();
        for (var r = 0; r < DatasetSize.Regions; r++)
        {
            users.Add(new UserRow($"r{r + 1:00}.direktor", $"Viloyat direktori {r + 1}", regionIds[r], "RegionalDirector", null));
            users.Add(new UserRow($"r{r + 1:00}.metodist", $"Viloyat metodisti {r + 1}", regionIds[r], "RegionalMethodologist", null));
        }

        foreach (var district in districts)
        {
            users.Add(new UserRow($"{district.Code}.direktor", $"Direktor {district.Code}", district.Id, "Director", null));
            users.Add(new UserRow($"{district.Code}.inspektor", $"Inspektor {district.Code}", district.Id, "Inspector", null));
            for (var s = 0; s < ServiceCodes.Length; s++)
            {
                users.Add(new UserRow($"{district.Code}.{ServiceCodes[s]}", $"Xizmat rahbari {district.Code}-{s + 1}", district.Id, "ServiceHead", serviceIds[district.Id][s]));
            }
        }

        await WriteUsersAsync(connection, users);
        await WriteTemplatesAsync(connection, regionIds, catalogue);

        // Plans, sections, indicators, their services, events, actuals and report submissions.
        var planId = 1;
        var sectionId = 1;
        var indicatorId = 1;
        long actualId = 1;
        long submissionId = 1;
        long eventId = 1;
        var targetPlanId = 0;
        var saveWorkerList = new List<SaveWorker>();
        var plans = await connection.BeginBinaryImportAsync(
            "COPY plans (id, organisation_id, year, title, status, agreement_title, agreement_name, agreement_date, approval_title, approval_name, approval_date, version_number) FROM STDIN (FORMAT BINARY)");
        var planRows = new List<(int Id, int Year, (int Id, int RegionId, string Code, string Name) District)>();
        foreach (var district in districts)
        {
            for (var year = size.FirstYear; year <= DatasetSize.LastYear; year++)
            {
                planRows.Add((planId, year, district));
                await plans.StartRowAsync();
                await plans.WriteAsync(planId, NpgsqlDbType.Integer);
                await plans.WriteAsync(district.Id, NpgsqlDbType.Integer);
                await plans.WriteAsync(year, NpgsqlDbType.Integer);
                await plans.WriteAsync($"{district.Name}ning {year}-yil uchun ish rejasi", NpgsqlDbType.Varchar);
                await plans.WriteAsync("InForce", NpgsqlDbType.Varchar);
                await plans.WriteAsync("Viloyat AKM direktori", NpgsqlDbType.Varchar);
                await plans.WriteAsync("R. Direktor", NpgsqlDbType.Varchar);
                await plans.WriteAsync(new DateOnly(year, 1, 10), NpgsqlDbType.Date);
                await plans.WriteAsync("Tuman AKM direktori", NpgsqlDbType.Varchar);
                await plans.WriteAsync("D. Direktor", NpgsqlDbType.Varchar);
                await plans.WriteAsync(new DateOnly(year, 1, 12), NpgsqlDbType.Date);
                await plans.WriteAsync(1, NpgsqlDbType.Integer);
                if (year == DatasetSize.LastYear)
                {
                    if (targetPlanId == 0)
                    {
                        targetPlanId = planId;
                    }
                    else if (saveWorkerList.Count < saveWorkers)
                    {
                        saveWorkerList.Add(new SaveWorker($"{district.Code}.{ServiceCodes[0]}", planId));
                    }
                }

                planId++;
            }
        }

        await plans.CompleteAsync();
        await plans.DisposeAsync();

        // Six tables are written at once, each through a connection of its own (one COPY per connection). The rows are
        // consistent by construction, so these sessions skip the foreign-key triggers (session_replication_role = replica).
        var copyConnections = new List<NpgsqlConnection>();
        try
        {
            await using (var sections = await BeginCopyAsync(connectionString, copyConnections, "COPY sections (id, plan_id, label, title, sort_order) FROM STDIN (FORMAT BINARY)"))
            await using (var indicators = await BeginCopyAsync(connectionString, copyConnections,
                "COPY indicators (id, plan_id, section_id, parent_id, number, name, unit, measure, previous_fact, target, mechanism, deadline, schedule_kind, schedule_due_months, rollup, children_partition, sort_order, catalogue_code) FROM STDIN (FORMAT BINARY)"))
            await using (var indicatorServices = await BeginCopyAsync(connectionString, copyConnections, "COPY indicator_services (indicator_id, service_id, position) FROM STDIN (FORMAT BINARY)"))
            await using (var events = await BeginCopyAsync(connectionString, copyConnections,
                "COPY plan_events (id, plan_id, plan_version, action, from_status, to_status, user_id, user_name, at, comment) FROM STDIN (FORMAT BINARY)"))
            await using (var actuals = await BeginCopyAsync(connectionString, copyConnections,
                "COPY monthly_actuals (id, indicator_id, month, value, note, entered_by, entered_at) FROM STDIN (FORMAT BINARY)"))
            await using (var submissions = await BeginCopyAsync(connectionString, copyConnections,
                "COPY report_submissions (id, plan_id, quarter, status, due_date, submitted_at, submitted_by, decided_at, decided_by, submission_count) FROM STDIN (FORMAT BINARY)"))
            await using (var snapshots = await BeginCopyAsync(connectionString, copyConnections,
                "COPY report_snapshots (report_submission_id, number, document, submitted_at, submitted_by, outcome, decided_at, decided_by) FROM STDIN (FORMAT BINARY)"))
            {
                var userIds = users.ToDictionary(u => u.UserName, u => u.Id);
                foreach (var (id, year, district) in planRows)
                {
                    var serviceHeadIds = ServiceCodes.Select(code => userIds[$"{district.Code}.{code}"]).ToArray();
                    var sectionIds = new int[SectionTitles.Length];
                    for (var s = 0; s < SectionTitles.Length; s++)
                    {
                        sectionIds[s] = sectionId;
                        await sections.StartRowAsync();
                        await sections.WriteAsync(sectionId++, NpgsqlDbType.Integer);
                        await sections.WriteAsync(id, NpgsqlDbType.Integer);
                        await sections.WriteAsync(SectionLabels[s], NpgsqlDbType.Varchar);
                        await sections.WriteAsync(SectionTitles[s], NpgsqlDbType.Varchar);
                        await sections.WriteAsync(s + 1, NpgsqlDbType.Integer);
                    }

                    var rows = new List<(CatalogueRow Row, int Id, decimal? Target, decimal[] Months, string?[] Notes)>();
                    var parentIds = new Dictionary<string, int>();
                    foreach (var row in catalogue)
                    {
                        var target = Math.Round(row.BaseTarget * (decimal)(0.7 + (random.NextDouble() * 0.6)), row.Measure == Measure.Money ? 2 : 0);
                        var months = MonthValues(row, target, random);
                        var notes = new string?[12];
                        for (var m = 0; m < 12; m++)
                        {
                            notes[m] = random.Next(20) == 0 ? $"{m + 1}-oy: tadbir o'tkazildi, {random.Next(5, 80)} nafar ishtirokchi" : null;
                        }

                        var thisId = indicatorId++;
                        if (row.ParentNumber is null)
                        {
                            parentIds[row.Number] = thisId;
                        }

                        await indicators.StartRowAsync();
                        await indicators.WriteAsync(thisId, NpgsqlDbType.Integer);
                        await indicators.WriteAsync(id, NpgsqlDbType.Integer);
                        await indicators.WriteAsync(sectionIds[row.Section], NpgsqlDbType.Integer);
                        if (row.ParentNumber is null)
                        {
                            await indicators.WriteNullAsync();
                        }
                        else
                        {
                            await indicators.WriteAsync(parentIds[row.ParentNumber], NpgsqlDbType.Integer);
                        }

                        await indicators.WriteAsync(row.Number, NpgsqlDbType.Varchar);
                        await indicators.WriteAsync(row.Name, NpgsqlDbType.Varchar);
                        await indicators.WriteAsync(row.Unit, NpgsqlDbType.Varchar);
                        await indicators.WriteAsync(row.Measure.ToString(), NpgsqlDbType.Varchar);
                        await indicators.WriteAsync(Math.Round(target * 0.95m, row.Measure == Measure.Money ? 2 : 0), NpgsqlDbType.Numeric);
                        await indicators.WriteAsync(target, NpgsqlDbType.Numeric);
                        await indicators.WriteAsync(row.Mechanism, NpgsqlDbType.Array | NpgsqlDbType.Text);
                        await indicators.WriteAsync($"{year}-yil davomida har oyda", NpgsqlDbType.Varchar);
                        await indicators.WriteAsync(nameof(ScheduleKind.Monthly), NpgsqlDbType.Varchar);
                        await indicators.WriteAsync(AllMonthsMask, NpgsqlDbType.Integer);
                        await indicators.WriteAsync(row.Rollup.ToString(), NpgsqlDbType.Varchar);
                        await indicators.WriteAsync(false, NpgsqlDbType.Boolean);
                        await indicators.WriteAsync(row.SortOrder, NpgsqlDbType.Integer);
                        await indicators.WriteAsync(TemplateRules.CodeFor(row.Number), NpgsqlDbType.Varchar);

                        for (var p = 0; p < row.Services.Length; p++)
                        {
                            await indicatorServices.StartRowAsync();
                            await indicatorServices.WriteAsync(thisId, NpgsqlDbType.Integer);
                            await indicatorServices.WriteAsync(serviceIds[district.Id][row.Services[p]], NpgsqlDbType.Integer);
                            await indicatorServices.WriteAsync(p + 1, NpgsqlDbType.Integer);
                        }

                        for (var m = 1; m <= 12; m++)
                        {
                            await actuals.StartRowAsync();
                            await actuals.WriteAsync(actualId++, NpgsqlDbType.Bigint);
                            await actuals.WriteAsync(thisId, NpgsqlDbType.Integer);
                            await actuals.WriteAsync(m, NpgsqlDbType.Integer);
                            await actuals.WriteAsync(months[m - 1], NpgsqlDbType.Numeric);
                            if (notes[m - 1] is { } note)
                            {
                                await actuals.WriteAsync(note, NpgsqlDbType.Varchar);
                            }
                            else
                            {
                                await actuals.WriteNullAsync();
                            }

                            await actuals.WriteAsync(serviceHeadIds[row.Services[0]], NpgsqlDbType.Varchar);
                            await actuals.WriteAsync(EnteredAt(year, m), NpgsqlDbType.TimestampTz);
                        }

                        rows.Add((row, thisId, target, months, notes));
                    }

                    foreach (var (action, from, to, day) in new[] { ("Submitted", "Draft", "Submitted", 5), ("Agreed", "Submitted", "Agreed", 10), ("Approved", "Agreed", "InForce", 12) })
                    {
                        await events.StartRowAsync();
                        await events.WriteAsync(eventId++, NpgsqlDbType.Bigint);
                        await events.WriteAsync(id, NpgsqlDbType.Integer);
                        await events.WriteAsync(1, NpgsqlDbType.Integer);
                        await events.WriteAsync(action, NpgsqlDbType.Varchar);
                        await events.WriteAsync(from, NpgsqlDbType.Varchar);
                        await events.WriteAsync(to, NpgsqlDbType.Varchar);
                        await events.WriteAsync(userIds[$"{district.Code}.direktor"], NpgsqlDbType.Varchar);
                        await events.WriteAsync($"{district.Code}.direktor", NpgsqlDbType.Varchar);
                        await events.WriteAsync(new DateTimeOffset(year, 1, day, 5, 0, 0, TimeSpan.Zero), NpgsqlDbType.TimestampTz);
                        await events.WriteNullAsync();
                    }

                    var lastQuarter = year == DatasetSize.LastYear ? 3 : 4;
                    for (var quarter = 1; quarter <= lastQuarter; quarter++)
                    {
                        var document = Snapshot(id, year, quarter, district.Name, SectionTitles, rows.Select(r => (r.Row, r.Id, r.Target, r.Months, r.Notes)).ToList(), sectionIds.Length);
                        var due = ReportTimeliness.DueDate(year, quarter);
                        var submitted = new DateTimeOffset(due.AddDays(-3).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
                        var decidedBy = $"r{Array.IndexOf(regionIds, district.RegionId) + 1:00}.direktor";
                        await snapshots.StartRowAsync();
                        await snapshots.WriteAsync(submissionId, NpgsqlDbType.Bigint);
                        await snapshots.WriteAsync(1, NpgsqlDbType.Integer);
                        await snapshots.WriteAsync(JsonSerializer.Serialize(document), NpgsqlDbType.Jsonb);
                        await snapshots.WriteAsync(submitted, NpgsqlDbType.TimestampTz);
                        await snapshots.WriteAsync($"{district.Code}.inspektor", NpgsqlDbType.Varchar);
                        await snapshots.WriteAsync(nameof(ReportStatus.Accepted), NpgsqlDbType.Varchar);
                        await snapshots.WriteAsync(submitted.AddDays(2), NpgsqlDbType.TimestampTz);
                        await snapshots.WriteAsync(decidedBy, NpgsqlDbType.Varchar);
                        await submissions.StartRowAsync();
                        await submissions.WriteAsync(submissionId++, NpgsqlDbType.Bigint);
                        await submissions.WriteAsync(id, NpgsqlDbType.Integer);
                        await submissions.WriteAsync(quarter, NpgsqlDbType.Integer);
                        await submissions.WriteAsync(nameof(ReportStatus.Accepted), NpgsqlDbType.Varchar);
                        await submissions.WriteAsync(due, NpgsqlDbType.Date);
                        await submissions.WriteAsync(submitted, NpgsqlDbType.TimestampTz);
                        await submissions.WriteAsync($"{district.Code}.inspektor", NpgsqlDbType.Varchar);
                        await submissions.WriteAsync(submitted.AddDays(2), NpgsqlDbType.TimestampTz);
                        await submissions.WriteAsync(decidedBy, NpgsqlDbType.Varchar);
                        await submissions.WriteAsync(1, NpgsqlDbType.Integer);
                    }
                }

                await sections.CompleteAsync();
                await indicators.CompleteAsync();
                await indicatorServices.CompleteAsync();
                await events.CompleteAsync();
                await actuals.CompleteAsync();
                await submissions.CompleteAsync();
                await snapshots.CompleteAsync();
            }
        }
        finally
        {
            foreach (var copyConnection in copyConnections)
            {
                await copyConnection.DisposeAsync();
            }
        }

        foreach (var table in new[] { "organisations", "services", "plans", "sections", "indicators", "monthly_actuals", "report_submissions", "plan_events", "regional_templates", "template_indicators" })
        {
            await Database.Execute(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))");
        }

        // Every plan written here is in force: its rows and sections as written are the version in force
        // (what Plan's coming into force does through the entities).
        await Database.Execute(connection, """
            UPDATE sections SET is_in_force = true, in_force_label = label, in_force_title = title, in_force_sort_order = sort_order;
            UPDATE indicators i SET is_in_force = true, in_force_number = i.number, in_force_name = i.name, in_force_unit = i.unit,
                in_force_measure = i.measure, in_force_previous_fact = i.previous_fact, in_force_target = i.target,
                in_force_mechanism = i.mechanism, in_force_deadline = i.deadline, in_force_schedule_kind = i.schedule_kind,
                in_force_schedule_due_months = i.schedule_due_months, in_force_rollup = i.rollup,
                in_force_children_partition = i.children_partition, in_force_section_id = i.section_id,
                in_force_parent_id = i.parent_id, in_force_sort_order = i.sort_order;
            INSERT INTO indicator_in_force_services (indicator_id, service_id, position)
            SELECT indicator_id, service_id, position FROM indicator_services;
            """);
        await Database.Execute(connection, "ANALYZE");

        var targetDistrict = districts[0].Code;
        var regionalUser = "r01.direktor";
        return new DatasetManifest(
            size.Label, size.Districts, size.Years, DatasetSize.LastYear, regionIds[0], targetPlanId, Password,
            $"{targetDistrict}.direktor", $"{targetDistrict}.inspektor", $"{targetDistrict}.{ServiceCodes[0]}", regionalUser,
            saveWorkerList, actualId - 1, clock.Elapsed.TotalSeconds);
    }

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
            "COPY template_indicators (id, template_id, parent_id, code, section_label, section_title, number, name, unit, measure, rollup, mechanism, schedule_kind, schedule_due_months, children_partition, service_codes, sort_order) FROM STDIN (FORMAT BINARY)");
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
            }
        }

        await items.CompleteAsync();
    }

    /// <summary>District counts per region: the first region takes 20 of 186 (in proportion for other sizes), the rest share evenly.</summary>
    public static int[] SpreadDistricts(int districts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(districts, DatasetSize.Regions);
        var counts = new int[DatasetSize.Regions];
        counts[0] = Math.Max(1, (int)Math.Round(districts * 20.0 / 186));
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

/// <summary>One row of the national catalogue that every district plan carries (the same numbers, so they consolidate).</summary>
internal sealed record CatalogueRow(
    int Section, string Number, string? ParentNumber, string Name, string Unit, Measure Measure, RollupKind Rollup,
    decimal BaseTarget, int[] Services, string[] Mechanism, int SortOrder);

/// <summary>The 60 rows of a district plan: 5 sections of 9 top-level rows, 3 "of which" rows under the first row of each section.</summary>
internal static class Catalogue
{
    private static readonly string[] Subjects =
    [
        "Kitobxonlar soni", "Kitob berish", "Tadbirlar", "Ko'rgazmalar", "Yangi adabiyotlar", "Elektron resurslar",
        "Saytga tashriflar", "Maslahatlar", "Seminarlar", "Obuna", "Ma'lumotnomalar", "Malaka oshirish",
    ];

    public static IReadOnlyList<CatalogueRow> Build()
    {
        var rows = new List<CatalogueRow>();
        var number = 1;
        var sort = 1;
        for (var section = 0; section < 5; section++)
        {
            for (var top = 0; top < 9; top++)
            {
                var index = rows.Count;
                var parentNumber = number.ToString(CultureInfo.InvariantCulture);
                rows.Add(Row(section, parentNumber, null, index, sort++));
                if (top == 0)
                {
                    for (var sub = 1; sub <= 3; sub++)
                    {
                        rows.Add(Row(section, $"{parentNumber}.{sub}", parentNumber, rows.Count, sort++));
                    }
                }

                number++;
            }
        }

        return rows;
    }

    private static CatalogueRow Row(int section, string number, string? parent, int index, int sort)
    {
        var rollup = (index % 10) switch
        {
            3 or 7 => RollupKind.Last,
            5 => RollupKind.Max,
            _ => RollupKind.Sum,
        };
        var measure = index % 15 == 14 ? Measure.Money : Measure.Count;
        var subject = Subjects[index % Subjects.Length];
        var name = parent is null
            ? $"{subject}: {number}-ko'rsatkich bo'yicha aholiga axborot-kutubxona xizmati ko'rsatish va uni takomillashtirish"
            : $"shundan, {subject.ToLowerInvariant()} ({number})";
        var unit = measure == Measure.Money ? "so'm" : rollup == RollupKind.Sum ? "ta" : "nafar";
        var baseTarget = measure == Measure.Money ? 12_000_000m : 200 + (index * 37 % 1800);
        int[] services = index % 4 == 0 ? [index % 6, (index + 1) % 6] : [index % 6];
        string[] mechanism = ["Reja asosida tashkil etish", "Natijalarni oylik hisobotda aks ettirish"];
        return new CatalogueRow(section, number, parent, name, unit, measure, rollup, baseTarget, services, mechanism, sort);
    }
}
