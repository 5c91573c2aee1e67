using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Bench;

/// <summary>
/// Writes a national dataset straight into the app's tables with binary COPY: 14 regions, the districts
/// spread over them (one region holds 20 of 186), a 60-row plan per district and year in force, 12 months
/// of actuals per row, the quarterly reports submitted and accepted (the last quarter of the last year
/// still open), and users whose password hashes use the app's own hasher settings.
/// </summary>
internal static partial class DatasetGenerator
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

        // Users: per district a director, an inspector and a head of each service; per region a director and a methodologist;
        // the National Library's director and methodologist.
        var users = new List<UserRow>
        {
            new("n.direktor", "Milliy kutubxona direktori", 1, "NationalDirector", null),
            new("n.metodist", "Milliy kutubxona metodisti", 1, "NationalMethodologist", null),
        };
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
        await WriteNationalCatalogueAsync(connection, catalogue);

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
                "COPY plan_events (id, plan_id, plan_version, action, status_before, status_after, user_id, user_name, at, comment) FROM STDIN (FORMAT BINARY)"))
            await using (var actuals = await BeginCopyAsync(connectionString, copyConnections,
                "COPY monthly_actuals (id, indicator_id, month, value, note, entered_by, entered_at) FROM STDIN (FORMAT BINARY)"))
            await using (var submissions = await BeginCopyAsync(connectionString, copyConnections,
                "COPY report_submissions (id, plan_id, quarter, status, due_date, submitted_at, submitted_by, decided_at, decided_by, submission_count) FROM STDIN (FORMAT BINARY)"))
            await using (var snapshots = await BeginCopyAsync(connectionString, copyConnections,
                "COPY report_snapshots (report_submission_id, number, document, submitted_at, submitted_by, outcome, decided_at, decided_by, schema_version) FROM STDIN (FORMAT BINARY)"))
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
                        await snapshots.WriteAsync(SubmittedReportSnapshot.CurrentSchema, NpgsqlDbType.Integer);
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

        foreach (var table in new[] { "organisations", "services", "plans", "sections", "indicators", "monthly_actuals", "report_submissions", "plan_events", "regional_templates", "template_indicators", "national_catalogues", "national_indicators" })
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
            $"{targetDistrict}.direktor", $"{targetDistrict}.inspektor", $"{targetDistrict}.{ServiceCodes[0]}", regionalUser, "n.metodist",
            saveWorkerList, actualId - 1, clock.Elapsed.TotalSeconds);
    }
}
