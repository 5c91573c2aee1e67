using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Common;

namespace WorkPlan.Web.Infrastructure;

/// <summary>Puts a use case's validation errors next to their fields, in the user's language.</summary>
public static class ModelStateExtensions
{
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<ValidationError> errors, IStringLocalizer localizer, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(localizer);
        foreach (var error in errors)
        {
            var key = string.IsNullOrEmpty(error.Field) || prefix is null ? error.Field : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, error.Localize(localizer));
        }
    }

    /// <summary>The error's message in the user's language, its numbers and dates written as users write them ("4 500", 2022 yil "6" oktyabr).</summary>
    public static string Localize(this ValidationError error, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(localizer);
        var arguments = error.Arguments.Select(a => a switch
        {
            decimal d => DocumentFormatter.Number(d, decimal.Truncate(d) == d ? WorkPlan.Core.Plans.Measure.Count : WorkPlan.Core.Plans.Measure.Money),
            DateOnly date => DocumentFormatter.Date(localizer, date),
            Core.Calendar.YearMonth month => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{localizer[$"Month.{month.Month}"]} {month.Year}"),
            _ => a,
        }).ToArray();
        var message = localizer[error.MessageKey, arguments];
        return message.ResourceNotFound ? localizer["Error.InvalidInput"].Value : message.Value;
    }

    /// <summary>Several errors as one sentence for a notice after a redirect.</summary>
    public static string Localize(this IEnumerable<ValidationError> errors, IStringLocalizer localizer) =>
        string.Join(" ", errors.Select(e => e.Localize(localizer)));
}
