using System.ComponentModel.DataAnnotations;
using WorkPlan.Core.Administration;
using WorkPlan.Core.Common;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Organisations;

public sealed class OrganisationInput : NamedInput
{
    [StringLength(FieldLimits.SignatureTitle, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Admin.DirectorTitle")]
    public string? DirectorTitle { get; set; }

    [StringLength(FieldLimits.SignatureName, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Admin.DirectorName")]
    public string? DirectorName { get; set; }

    /// <summary>The language of the centre's official documents.</summary>
    [Display(Name = "Admin.DocumentLanguage")]
    public string DocumentLanguage { get; set; } = Core.Reports.DocumentLanguages.Default;

    public uint Version { get; set; }

    public static OrganisationInput From(OrganisationDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new()
        {
            Name = details.Name,
            ShortName = details.ShortName,
            DirectorTitle = details.DirectorTitle,
            DirectorName = details.DirectorName,
            DocumentLanguage = details.DocumentLanguage,
            Version = details.Version,
        };
    }

    public SaveOrganisation ToCommand() => new(Name, ShortName, DirectorTitle, DirectorName, Version, DocumentLanguage);
}

/// <summary>The organisation form: the input, and the organisation it hangs under (create) or is (edit).</summary>
public sealed record OrganisationFormViewModel(OrganisationInput Input, OrganisationDetails Context, bool IsNew);
