using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Plans;

/// <summary>An upload read and found importable, kept until its author confirms it (or it expires).</summary>
public class PendingImport
{
    private PendingImport()
    {
        UserId = Content = string.Empty;
    }

    public PendingImport(Guid id, string userId, int organisationId, int year, string content, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        OrganisationId = organisationId;
        Year = year;
        Content = content;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public int OrganisationId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The <see cref="ImportedPlan"/> as JSON.</summary>
    public string Content { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>What the preview page shows: every row found, every problem, and the id to confirm with (when importable).</summary>
public sealed record ImportPreview(Guid? ImportId, string OrganisationName, int Year, ImportedPlan Plan, IReadOnlyList<ImportProblem> Problems, int Page = 1)
{
    /// <summary>Rows shown on one page of the preview.</summary>
    public const int PageSize = 200;

    public bool CanConfirm => ImportId is not null;

    public int RowCount => Plan.Sections.Sum(s => s.Rows.Count);

    public int PageCount => Math.Max(1, (RowCount + PageSize - 1) / PageSize);

    /// <summary>The rows of the page shown (indexes into the plan's rows in sheet order, from 0).</summary>
    public int FirstRow => (Math.Clamp(Page, 1, PageCount) - 1) * PageSize;
}

/// <summary>
/// Importing a plan from .xlsx: read and preview (nothing stored for a file with errors), then
/// confirm to create a draft. Only the centre's director and inspector import into their centre.
/// </summary>
public sealed class PlanImportService(IAppDbContext db, ICurrentUser currentUser, IPlanImportReader reader, NewPlanService newPlans, TimeProvider clock)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static readonly TimeSpan PendingLifetime = TimeSpan.FromHours(2);

    public static class Messages
    {
        public const string UnknownService = "Import.UnknownService";
        public const string NoFile = "Import.NoFile";
        public const string Expired = "Import.Expired";
        public const string Rule = "Import.RuleBroken";
        public const string YearChanged = "Import.YearChanged";
    }

    /// <summary>The centre the user may import into (their own, for those who may create its plans).</summary>
    public async Task<Result<(int Id, string Name)>> TargetAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (!AccessRules.CanCreatePlan(user))
        {
            return Result<(int, string)>.Forbidden();
        }

        var name = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return Result<(int, string)>.Ok((user.OrganisationId, name));
    }

    public async Task<Result<ImportPreview>> PreviewAsync(int year, Stream content, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = await TargetAsync(cancellationToken);
        if (!target.IsOk)
        {
            return Result<ImportPreview>.Forbidden();
        }

        var user = currentUser.Required;
        var plan = reader.Read(content, length);
        var problems = plan.Problems.ToList();
        if (await newPlans.ExistsAsync(user.OrganisationId, year, cancellationToken))
        {
            problems.Add(new ImportProblem(0, NewPlanService.Messages.PlanExists, true, year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (plan.Sections.Count > 0)
        {
            var organisation = await db.Organisations.Include(o => o.Services).Include(o => o.Parent).SingleAsync(o => o.Id == user.OrganisationId, cancellationToken);
            problems.AddRange(Check(plan, organisation, year));
        }

        Guid? id = null;
        if (plan.Sections.Count > 0 && problems.All(p => !p.IsError))
        {
            var now = clock.GetUtcNow();
            await db.PendingImports.Where(p => p.UserId == user.UserId || p.CreatedAt < now - PendingLifetime).ExecuteDeleteAsync(cancellationToken);
            var pending = new PendingImport(Guid.NewGuid(), user.UserId, user.OrganisationId, year, JsonSerializer.Serialize(plan), now);
            db.PendingImports.Add(pending);
            await db.SaveChangesAsync(cancellationToken);

            // One pending import per user, even when previews run at once: the newest stays.
            await db.PendingImports.Where(p => p.UserId == user.UserId && p.Id != pending.Id && p.CreatedAt <= now).ExecuteDeleteAsync(cancellationToken);
            id = pending.Id;
        }

        return Result<ImportPreview>.Ok(new ImportPreview(id, target.Value.Name, year, plan, problems));
    }

    /// <summary>Another page of a stored preview (its author's only).</summary>
    public async Task<Result<ImportPreview>> PendingPreviewAsync(Guid importId, int page, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var pending = await db.PendingImports.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == importId && p.UserId == user.UserId && p.OrganisationId == user.OrganisationId, cancellationToken);
        var target = await TargetAsync(cancellationToken);
        if (pending is null || !target.IsOk)
        {
            return Result<ImportPreview>.NotFound();
        }

        var plan = JsonSerializer.Deserialize<ImportedPlan>(pending.Content)!;
        var organisation = await db.Organisations.Include(o => o.Services).Include(o => o.Parent).SingleAsync(o => o.Id == pending.OrganisationId, cancellationToken);
        var problems = plan.Problems.Concat(Check(plan, organisation, pending.Year)).ToList();
        var preview = new ImportPreview(pending.Id, target.Value.Name, pending.Year, plan, problems);
        return Result<ImportPreview>.Ok(preview with { Page = Math.Clamp(page, 1, preview.PageCount) });
    }

    /// <summary>Creates the draft from a confirmed preview, through the one way every plan is created; the preview is used once.</summary>
    public Task<Result<int>> ConfirmAsync(Guid importId, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => ConfirmInTransactionAsync(importId, ct), cancellationToken);

    private async Task<Result<int>> ConfirmInTransactionAsync(Guid importId, CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        var pending = await db.PendingImports.SingleOrDefaultAsync(p => p.Id == importId && p.UserId == user.UserId && p.OrganisationId == user.OrganisationId, cancellationToken);
        if (pending is null || !AccessRules.CanCreatePlan(user))
        {
            return Result<int>.NotFound();
        }

        if (pending.CreatedAt < clock.GetUtcNow() - PendingLifetime)
        {
            return Result<int>.Invalid([new ValidationError(string.Empty, Messages.Expired)]);
        }

        var imported = JsonSerializer.Deserialize<ImportedPlan>(pending.Content)!;
        db.PendingImports.Remove(pending);
        return await newPlans.CreateImportedAsync(
            pending.Year,
            (plan, organisation, _) => Task.FromResult<IReadOnlyList<ValidationError>>(
                Fill(imported, plan, organisation).Any(p => p.IsError) ? [new ValidationError(string.Empty, Messages.Rule)] : []),
            TitleOf(imported, pending.Year),
            cancellationToken);
    }

    /// <summary>What is wrong with the draft an imported sheet makes for the year (the draft itself is not kept).</summary>
    private List<ImportProblem> Check(ImportedPlan imported, Organisation organisation, int year) =>
        Fill(imported, new Plan(organisation, year, newPlans.TitleFor(organisation, year, TitleOf(imported, year))), organisation);

    /// <summary>
    /// The title of a plan imported for the year: the file's own (with its year replaced by the chosen one), or
    /// null when the file has none (the plan then gets the usual title).
    /// </summary>
    private static string? TitleOf(ImportedPlan imported, int year) =>
        string.IsNullOrWhiteSpace(imported.Title) ? null
        : FileYear(imported) is { } from && from != year ? ReplaceYear(imported.Title, from, year)
        : imported.Title;

    /// <summary>
    /// Fills a new plan from an imported sheet, and says what is wrong with it: services matched by name
    /// ("Barcha xizmatlar" = all), so'm from the unit, schedules from the printed deadlines, and the
    /// plan rules checked row by row.
    /// </summary>
    private static List<ImportProblem> Fill(ImportedPlan imported, Plan plan, Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(organisation);
        var problems = new List<ImportProblem>();
        var (year, title) = (plan.Year, plan.Title);
        var fileYear = FileYear(imported);
        if (fileYear is { } y && y != year)
        {
            // A plan imported for another year than it was written for: its title and deadlines speak of the chosen year.
            problems.Add(new ImportProblem(0, Messages.YearChanged, false, y.ToString(System.Globalization.CultureInfo.InvariantCulture), year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var rows = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        var sourceRows = imported.Sections.SelectMany(s => s.Rows).ToList();
        var childrenOf = sourceRows.Where(r => r.ParentNumber is not null).ToLookup(r => r.ParentNumber!, StringComparer.Ordinal);
        var sheetRowOf = sourceRows.GroupBy(r => r.Number, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().SheetRow, StringComparer.Ordinal);
        problems.AddRange(FieldLimits.Check(title, FieldLimits.PlanTitle, "Title", TextKind.Line).Select(e => new ImportProblem(0, e.MessageKey, true, [.. e.Arguments.Select(Text)])));
        problems.AddRange(CheckSignature(imported.Agreement).Concat(CheckSignature(imported.Approval))
            .Select(e => new ImportProblem(0, e.MessageKey, true, [.. e.Arguments.Select(Text)])));
        foreach (var section in imported.Sections)
        {
            var sectionProblems = PlanRules.CheckSectionText(section.Label, section.Title);
            problems.AddRange(sectionProblems.Select(e => new ImportProblem(0, e.MessageKey, true, [.. e.Arguments.Select(Text)])));
            var created = plan.AddSection(section.Label, section.Title);
            foreach (var row in section.Rows)
            {
                var children = childrenOf[row.Number].ToList();
                var measure = IsMoney(row.Unit) || (string.IsNullOrWhiteSpace(row.Unit) && children.Count > 0 && children.All(c => IsMoney(c.Unit)))
                    ? Measure.Money
                    : Measure.Count;
                var rowProblems = PlanRules.CheckValue(measure, row.Fact, "Fact").Concat(PlanRules.CheckValue(measure, row.Target, "Target"))
                    .Select(e => new ImportProblem(row.SheetRow, e.MessageKey, true, row.Number))
                    .Concat(PlanRules.CheckIndicatorText(row.Number, row.Name, row.Unit, row.Deadline, row.Mechanism)
                        .Select(e => new ImportProblem(row.SheetRow, e.MessageKey, true, [.. e.Arguments.Select(Text)])))
                    .ToList();
                problems.AddRange(rowProblems);
                if (rowProblems.Count > 0)
                {
                    continue;
                }

                var services = MatchServices(row, organisation, problems);
                var partition = children.Count > 0 && (row.Fact is not null || row.Target is not null)
                    && (row.Fact is null || children.Sum(c => c.Fact ?? 0) == row.Fact)
                    && (row.Target is null || children.Sum(c => c.Target ?? 0) == row.Target);
                var schedule = DeadlineText.Parse(row.Deadline);
                var deadline = fileYear is { } from && from != year && row.Deadline is not null ? ReplaceYear(row.Deadline, from, year) : row.Deadline;
                var definition = new IndicatorDefinition(
                    row.Number, row.Name, row.Unit, measure, row.Fact, row.Target, row.Mechanism, deadline, schedule, RollupKind.Sum, partition);
                var parent = row.ParentNumber is { } p && rows.TryGetValue(p, out var found) ? found : null;
                rows[row.Number] = plan.AddIndicator(created, definition, services, parent);
            }
        }

        var childRows = rows.Values.Where(r => r.Parent is not null).ToLookup(r => r.Parent);
        foreach (var parent in rows.Values.Where(r => r.Parent is null))
        {
            var sheetRow = sheetRowOf.GetValueOrDefault(parent.Number);
            problems.AddRange(PlanRules.CheckChildren(parent, [.. childRows[parent]])
                .Select(e => new ImportProblem(sheetRow, e.MessageKey, true, [.. e.Arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)])));
        }

        if (imported.Agreement is { } agreement)
        {
            plan.RecordPaperSignatures(new SignatureBlock(agreement.Title, agreement.Name, null), plan.Approval, PlanStatus.Draft);
        }

        if (imported.Approval is { } approval)
        {
            plan.RecordPaperSignatures(plan.Agreement, new SignatureBlock(approval.Title, approval.Name, null), PlanStatus.Draft);
        }

        return problems;
    }

    /// <summary>A signature block's position and name as read from the sheet: within their lengths, one visible line each.</summary>
    private static IEnumerable<ValidationError> CheckSignature(ImportedSignature? signature) =>
        signature is null
            ? []
            : FieldLimits.Check(signature.Title, FieldLimits.SignatureTitle, "Title", TextKind.Line)
                .Concat(FieldLimits.Check(signature.Name, FieldLimits.SignatureName, "Name", TextKind.Line));

    private static string Text(object argument) => Convert.ToString(argument, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The year the file's title speaks of ("… 2022 yil uchun …"), if any.</summary>
    private static int? FileYear(ImportedPlan plan)
    {
        var match = System.Text.RegularExpressions.Regex.Match(plan.Title ?? string.Empty, @"\b(20\d\d)\b");
        return match.Success ? int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static string ReplaceYear(string text, int from, int to) =>
        System.Text.RegularExpressions.Regex.Replace(text, $@"\b{from}\b", to.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>So'm (money, decimals allowed) by its unit: "So'mda", "сум".</summary>
    private static bool IsMoney(string? unit) =>
        (unit ?? string.Empty).Contains("so'm", StringComparison.OrdinalIgnoreCase) || (unit ?? string.Empty).Contains("сум", StringComparison.OrdinalIgnoreCase);

    private static List<ServiceUnit> MatchServices(ImportedRow row, Organisation organisation, List<ImportProblem> problems)
    {
        var matched = new List<ServiceUnit>();
        foreach (var name in row.Services)
        {
            var key = Key(name);
            if (key.StartsWith("barchaxizmat", StringComparison.Ordinal) || key.StartsWith("всеслужбы", StringComparison.Ordinal) || key == "allservices")
            {
                return [.. organisation.Services.OrderBy(s => s.SortOrder)];
            }

            var service = organisation.Services.FirstOrDefault(s => Key(s.Name) == key || Key(s.ShortName) == key)
                ?? organisation.Services.FirstOrDefault(s => Key(s.Name).StartsWith(key, StringComparison.Ordinal) || key.StartsWith(Key(s.Name), StringComparison.Ordinal));
            if (service is null)
            {
                problems.Add(new ImportProblem(row.SheetRow, Messages.UnknownService, false, row.Number, name));
            }
            else if (!matched.Contains(service))
            {
                matched.Add(service);
            }
        }

        return matched;
    }

    /// <summary>A name reduced to letters, with every apostrophe form the same and the "xizmati/xizmat" ending dropped.</summary>
    private static string Key(string name)
    {
        var letters = new string([.. name.ToLowerInvariant().Where(char.IsLetter)]);
        return letters.EndsWith("xizmati", StringComparison.Ordinal) ? letters[..^1] : letters;
    }
}
