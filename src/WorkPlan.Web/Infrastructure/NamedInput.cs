using System.ComponentModel.DataAnnotations;
using WorkPlan.Core.Common;

namespace WorkPlan.Web.Infrastructure;

/// <summary>What the forms of a centre and of a service share: the full name and the short name.</summary>
public abstract class NamedInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.Name, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Admin.Name")]
    public string Name { get; set; } = string.Empty;

    [StringLength(FieldLimits.ShortName, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Admin.ShortName")]
    public string? ShortName { get; set; }
}
