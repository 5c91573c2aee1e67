using System.ComponentModel.DataAnnotations;
using WorkPlan.Core.Administration;
using WorkPlan.Core.Common;

namespace WorkPlan.Web.Features.Users;

public sealed class UserInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.NewUserName, MinimumLength = 3, ErrorMessage = "Validation.TooLong")]
    [RegularExpression("^[A-Za-z0-9._@-]+$", ErrorMessage = "Users.UserNameChars")]
    [Display(Name = "Account.UserName")]
    public string UserName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLimits.PersonName, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Users.FullName")]
    public string FullName { get; set; } = string.Empty;

    /// <summary>The position a signature line prints above the name (e.g. "... markazi metodisti").</summary>
    [StringLength(FieldLimits.Position, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Users.Position")]
    public string? Position { get; set; }

    [EmailAddress(ErrorMessage = "Users.InvalidEmail")]
    [StringLength(FieldLimits.Email, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Users.Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Users.Role")]
    public string Role { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Plans.Organisation")]
    public int? OrganisationId { get; set; }

    [Display(Name = "Users.Service")]
    public int? ServiceId { get; set; }

    /// <summary>The first, temporary password (new users only); the user must change it at first sign-in.</summary>
    [DataType(DataType.Password)]
    [MinLength(10, ErrorMessage = "Account.PasswordLength")]
    [MaxLength(WorkPlan.Infrastructure.Identity.CommonPasswordValidator.MaxLength, ErrorMessage = "Account.PasswordTooLong")]
    [Display(Name = "Users.TemporaryPassword")]
    public string? Password { get; set; }

    public string? ConcurrencyStamp { get; set; }

    public static UserInput From(UserDetails user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new()
        {
            UserName = user.UserName,
            FullName = user.FullName,
            Position = user.Position,
            Email = user.Email,
            Role = user.Role,
            OrganisationId = user.OrganisationId,
            ServiceId = user.ServiceId,
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
    }

    public CreateUser ToCreateCommand() => new(UserName, FullName, Email, Role, OrganisationId ?? 0, ServiceId, Password ?? string.Empty, Position);

    public UpdateUser ToUpdateCommand() => new(FullName, Email, Role, OrganisationId ?? 0, ServiceId, ConcurrencyStamp ?? string.Empty, Position);
}

/// <summary>The user form: input, choices, and (when editing) the account's state.</summary>
public sealed record UserFormViewModel(UserInput Input, UserFormOptions Options, UserDetails? Existing);

public sealed record UsersIndexViewModel(Core.Common.PagedList<UserSummary> Users, UserFilter Filter, UserFormOptions Options);

public sealed record TemporaryPasswordViewModel(string UserId, string UserName, string Password);
