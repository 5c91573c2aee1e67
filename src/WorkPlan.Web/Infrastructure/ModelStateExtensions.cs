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
            var message = localizer[error.MessageKey, error.Arguments];
            if (message.ResourceNotFound)
            {
                message = localizer["Error.InvalidInput"];
            }

            var key = string.IsNullOrEmpty(error.Field) || prefix is null ? error.Field : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, message.Value);
        }
    }
}
