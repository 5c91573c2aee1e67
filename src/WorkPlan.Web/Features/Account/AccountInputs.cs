using System.ComponentModel.DataAnnotations;
using WorkPlan.Core.Common;

namespace WorkPlan.Web.Features.Account;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.UserName")]
    [StringLength(FieldLimits.UserName, ErrorMessage = "Validation.TooLong")]
    public string UserName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.Password")]
    [DataType(DataType.Password)]
    [StringLength(FieldLimits.TypedPassword, ErrorMessage = "Validation.TooLong")]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class SecondFactorInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.Code")]
    [StringLength(FieldLimits.SecondFactorCode, ErrorMessage = "Validation.TooLong")]
    public string Code { get; set; } = string.Empty;

    /// <summary>True when the code is one of the recovery codes rather than the authenticator's.</summary>
    public bool UseRecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.CurrentPassword")]
    [DataType(DataType.Password)]
    [StringLength(FieldLimits.TypedPassword, ErrorMessage = "Validation.TooLong")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.NewPassword")]
    [DataType(DataType.Password)]
    [MinLength(10, ErrorMessage = "Account.PasswordLength")]
    [MaxLength(WorkPlan.Infrastructure.Identity.CommonPasswordValidator.MaxLength, ErrorMessage = "Account.PasswordTooLong")]
    public string NewPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.ConfirmPassword")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "Account.PasswordsDiffer")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class EnableAuthenticatorViewModel
{
    public string SharedKey { get; set; } = string.Empty;

    /// <summary>The QR code as a data: URI of an SVG image (allowed by the content security policy).</summary>
    public string QrCodeSvg { get; set; } = string.Empty;

    /// <summary>The new key, protected, as the page posts it back (the key is stored only once proven).</summary>
    [StringLength(FieldLimits.ProtectedToken, ErrorMessage = "Validation.TooLong")]
    public string KeyToken { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.Password")]
    [DataType(DataType.Password)]
    [StringLength(FieldLimits.TypedPassword, ErrorMessage = "Validation.TooLong")]
    public string Password { get; set; } = string.Empty;

    /// <summary>When an authenticator is already on: a code of it, or a recovery code.</summary>
    [Display(Name = "Account.CurrentCode")]
    [StringLength(FieldLimits.SecondFactorCode, ErrorMessage = "Validation.TooLong")]
    public string? CurrentCode { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.Code")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Account.InvalidCode")]
    public string Code { get; set; } = string.Empty;

    public bool Required { get; set; }

    /// <summary>Whether the new key replaces an authenticator that is on (then the current code is asked).</summary>
    public bool Replaces { get; set; }
}

/// <summary>The owner proving it is them before a second-factor change: the password and a current code.</summary>
public sealed class ReauthenticateInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.Password")]
    [DataType(DataType.Password)]
    [StringLength(FieldLimits.TypedPassword, ErrorMessage = "Validation.TooLong")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.CurrentCode")]
    [StringLength(FieldLimits.SecondFactorCode, ErrorMessage = "Validation.TooLong")]
    public string CurrentCode { get; set; } = string.Empty;
}
