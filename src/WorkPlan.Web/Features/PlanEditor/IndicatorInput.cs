using System.ComponentModel.DataAnnotations;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.PlanEditor;

/// <summary>The indicator form: numbers arrive as text and are read in any of the UI's number styles.</summary>
public sealed class IndicatorInput : IndicatorRowInput
{
    public int SectionId { get; set; }

    public int? ParentId { get; set; }

    [Display(Name = "Editor.PreviousFact")]
    [StringLength(FieldLimits.NumberText, ErrorMessage = "Validation.TooLong")]
    public string? PreviousFact { get; set; }

    [Display(Name = "Editor.Target")]
    [StringLength(FieldLimits.NumberText, ErrorMessage = "Validation.TooLong")]
    public string? Target { get; set; }

    [Display(Name = "Plan.Responsible")]
    public List<int> ServiceIds { get; set; } = [];

    [Display(Name = "Editor.ChildrenPartition")]
    public bool ChildrenPartition { get; set; }

    public uint Version { get; set; }

    /// <summary>The add form's one-time token (see <see cref="FormTokens"/>).</summary>
    public string? FormToken { get; set; }

    public static IndicatorInput From(SaveIndicator values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new()
        {
            SectionId = values.SectionId,
            ParentId = values.ParentId,
            Number = values.Number,
            Name = values.Name,
            Unit = values.Unit,
            Measure = values.Measure,
            PreviousFact = Infrastructure.NumberInput.Format(values.PreviousFact),
            Target = Infrastructure.NumberInput.Format(values.Target),
            Mechanism = string.Join('\n', values.Mechanism),
            ScheduleKind = values.ScheduleKind,
            Quarters = [.. values.Quarters],
            FromMonth = values.FromMonth,
            ToMonth = values.ToMonth,
            ServiceIds = [.. values.ServiceIds],
            Rollup = values.Rollup,
            ChildrenPartition = values.ChildrenPartition,
            Version = values.Version,
        };
    }

    /// <summary>The command, or the names of the number fields that could not be read.</summary>
    public (SaveIndicator? Command, IReadOnlyList<string> BadNumbers) ToCommand()
    {
        var bad = new List<string>();
        if (!Infrastructure.NumberInput.TryParse(PreviousFact, out var fact))
        {
            bad.Add(nameof(PreviousFact));
        }

        if (!Infrastructure.NumberInput.TryParse(Target, out var target))
        {
            bad.Add(nameof(Target));
        }

        if (bad.Count > 0)
        {
            return (null, bad);
        }

        return (new SaveIndicator(
            SectionId, ParentId, Number, Name, Unit, Measure, fact, target, Steps(), ScheduleKind, Quarters, FromMonth, ToMonth,
            ServiceIds, Rollup, ChildrenPartition, Version), bad);
    }
}

/// <summary>The indicator form page: input, choices, and whether it edits an existing row.</summary>
public sealed record IndicatorFormViewModel(IndicatorInput Input, IndicatorFormContext Context, int? IndicatorId, bool HasChildren);

/// <summary>
/// A section form of the editor. The use case checks what was typed (<see cref="PlanRules.CheckSectionText"/>, whose
/// messages name the limits), so the form itself is not validated; the page's inputs carry the limits as maxlength.
/// </summary>
[Microsoft.AspNetCore.Mvc.ModelBinding.Validation.ValidateNever]
public sealed class SectionInput
{
    [Display(Name = "Editor.SectionLabel")]
    public string Label { get; set; } = string.Empty;

    [Display(Name = "Editor.SectionTitle")]
    public string Title { get; set; } = string.Empty;

    /// <summary>The section's version as the rename form showed it.</summary>
    public uint Version { get; set; }

    /// <summary>The add form's one-time token (see <see cref="FormTokens"/>).</summary>
    public string? FormToken { get; set; }
}

/// <summary>
/// One-time tokens of the forms that add a record: each form shown gets a new one, kept when it is shown again
/// after a refusal; a second post of the same token (a double click) adds nothing and leads to what the first added.
/// </summary>
public static class FormTokens
{
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>The posted token; anything that is not one counts as none.</summary>
    public static Guid? Read(string? posted) => Guid.TryParseExact(posted, "N", out var token) ? token : null;
}

/// <summary>One row of the "of which" family form: numbers as typed, and the row's version.</summary>
public sealed class FamilyRowInput
{
    public int IndicatorId { get; set; }

    [StringLength(FieldLimits.NumberText, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Editor.PreviousFact")]
    public string? PreviousFact { get; set; }

    [StringLength(FieldLimits.NumberText, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Editor.Target")]
    public string? Target { get; set; }

    public uint Version { get; set; }
}

/// <summary>The "of which" family form: the parent row and its "of which" rows, posted together.</summary>
public sealed class FamilyInput
{
    public List<FamilyRowInput> Rows { get; set; } = [];

    public static FamilyInput From(FamilyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new()
        {
            Rows =
            [
                .. form.Rows.Select(r => new FamilyRowInput
                {
                    IndicatorId = r.IndicatorId,
                    PreviousFact = Infrastructure.NumberInput.Format(r.PreviousFact),
                    Target = Infrastructure.NumberInput.Format(r.Target),
                    Version = r.Version,
                }),
            ],
        };
    }

    /// <summary>The rows' values, or the fields (Rows[i].Target) whose numbers could not be read.</summary>
    public (IReadOnlyList<FamilyRowValues> Rows, IReadOnlyList<string> BadNumbers) ToValues()
    {
        var bad = new List<string>();
        var values = new List<FamilyRowValues>();
        for (var index = 0; index < Rows.Count; index++)
        {
            var row = Rows[index];
            if (!Infrastructure.NumberInput.TryParse(row.PreviousFact, out var fact))
            {
                bad.Add(PlanFamilyEditService.RowField(index, nameof(FamilyRowInput.PreviousFact)));
            }

            if (!Infrastructure.NumberInput.TryParse(row.Target, out var target))
            {
                bad.Add(PlanFamilyEditService.RowField(index, nameof(FamilyRowInput.Target)));
            }

            values.Add(new FamilyRowValues(row.IndicatorId, fact, target, row.Version));
        }

        return (values, bad);
    }
}

/// <summary>The family form page: the rows as stored (names, units) and the input as typed.</summary>
public sealed record FamilyFormViewModel(FamilyForm Form, FamilyInput Input);

/// <summary>A single target cell of the editor's list: the value as typed and the row's version.</summary>
public sealed class TargetInput
{
    [StringLength(FieldLimits.NumberText, ErrorMessage = "Validation.TooLong")]
    public string? Target { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// The editor page, with the target cell that could not be saved (its value as typed and why), or the section form
/// that could not be saved.
/// </summary>
public sealed record PlanEditorPageViewModel(
    PlanEditorView Editor, int? FailedRowId = null, string? FailedValue = null, string? FailedMessage = null, SectionFailure? FailedSection = null)
{
    /// <summary>The add-section form's token: the refused form's own, or a new one.</summary>
    public string NewSectionToken { get; } = FailedSection is { SectionId: null, FormToken: { Length: > 0 } token } ? token : FormTokens.New();
}

/// <summary>A section form refused: which section (null for the add form), what was typed, why, and the field it is about (none: the whole form).</summary>
public sealed record SectionFailure(int? SectionId, string Label, string Title, string? FormToken, string Message, string? Field = null)
{
    /// <summary>True when the message is about this field (Label or Title); a message about the whole form marks the title.</summary>
    public bool Marks(string field) => Field == field || (string.IsNullOrEmpty(Field) && field == nameof(Title));
}
