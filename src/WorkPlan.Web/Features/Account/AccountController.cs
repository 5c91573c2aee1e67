using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;
using WorkPlan.Core.Access;
using WorkPlan.Core.Account;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Account;

/// <summary>Sign-in, sign-out, password change and two-factor authentication for the user's own account.</summary>
public sealed class AccountController(AccountService account, IStringLocalizer<SharedResource> localizer, SecondFactorPolicy secondFactor) : Controller
{
    [HttpGet]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl(returnUrl)) : View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        switch (await account.SignInAsync(input.UserName, input.Password))
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
            case SignInOutcome.RequiresTwoFactor:
                return RedirectToAction(nameof(SecondFactor), new { returnUrl = input.ReturnUrl });
            case SignInOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, localizer["Account.LockedOut"]);
                break;
            case SignInOutcome.Deactivated:
                ModelState.AddModelError(string.Empty, localizer["Account.Deactivated"]);
                break;
            default:
                ModelState.AddModelError(string.Empty, localizer["Account.SignInFailed"]);
                break;
        }

        input.Password = string.Empty;
        return View(input);
    }

    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> SecondFactor(string? returnUrl) =>
        await account.HasPendingTwoFactorAsync() ? View(new SecondFactorInput { ReturnUrl = returnUrl }) : RedirectToAction(nameof(Login));

    [HttpPost]
    [AllowAnonymous]
    public async Task<IActionResult> SecondFactor(SecondFactorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var outcome = input.UseRecoveryCode
            ? await account.SignInWithRecoveryCodeAsync(input.Code)
            : await account.SignInWithAuthenticatorAsync(input.Code);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
            case SignInOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, localizer["Account.LockedOut"]);
                break;
            default:
                ModelState.AddModelError(nameof(input.Code), localizer["Account.InvalidCode"]);
                break;
        }

        input.Code = string.Empty;
        return View(input);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await account.SignOutAsync(User);
        TempData["Message"] = localizer["Account.SignedOut"].Value;
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ModelState.IsValid)
        {
            var result = await account.ChangePasswordAsync(User, input.CurrentPassword, input.NewPassword);
            if (result.IsOk)
            {
                TempData["Message"] = localizer["Account.PasswordChanged"].Value;
                return Redirect("/");
            }

            ModelState.AddErrors(result.Errors, localizer);
        }

        return View(new ChangePasswordInput());
    }

    [HttpGet]
    public async Task<IActionResult> TwoFactor() => await TwoFactorPageAsync();

    [HttpGet]
    public async Task<IActionResult> EnableAuthenticator() => await AuthenticatorPageAsync(new EnableAuthenticatorViewModel(), null);

    [HttpPost]
    public async Task<IActionResult> EnableAuthenticator(EnableAuthenticatorViewModel input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ModelState.IsValid)
        {
            var result = await account.EnableAuthenticatorAsync(User, input.KeyToken, input.Code, input.Password, input.CurrentCode);
            if (result.IsOk)
            {
                return View("RecoveryCodes", result.Value);
            }

            ModelState.AddErrors(result.Errors, localizer);
        }

        return await AuthenticatorPageAsync(new EnableAuthenticatorViewModel(), input.KeyToken);
    }

    [HttpPost]
    public async Task<IActionResult> NewRecoveryCodes(ReauthenticateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ModelState.IsValid)
        {
            var result = await account.NewRecoveryCodesAsync(User, input.Password, input.CurrentCode);
            if (result.IsOk)
            {
                return View("RecoveryCodes", result.Value);
            }

            ModelState.AddErrors(result.Errors, localizer);
        }

        return await TwoFactorPageAsync();
    }

    [HttpPost]
    public async Task<IActionResult> DisableTwoFactor(ReauthenticateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ModelState.IsValid)
        {
            var result = await account.DisableTwoFactorAsync(User, input.Password, input.CurrentCode);
            if (result.IsOk)
            {
                TempData["Message"] = localizer["Account.TwoFactorDisabled"].Value;
                return RedirectToAction(nameof(TwoFactor));
            }

            ModelState.AddErrors(result.Errors, localizer);
        }

        return await TwoFactorPageAsync();
    }

    private async Task<IActionResult> TwoFactorPageAsync() =>
        View("TwoFactor", new TwoFactorViewModel(await account.IsTwoFactorEnabledAsync(User), IsSecondFactorRequired()));

    [HttpGet]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Features/Errors/Error.cshtml", new Errors.ErrorViewModel(StatusCodes.Status403Forbidden, HttpContext.TraceIdentifier));
    }

    private async Task<IActionResult> AuthenticatorPageAsync(EnableAuthenticatorViewModel model, string? keyToken)
    {
        var setup = await account.NewAuthenticatorSetupAsync(User, keyToken);
        if (!setup.IsOk)
        {
            return setup.Failure(this);
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(setup.Value.AuthenticatorUri, QRCodeGenerator.ECCLevel.M);
        model.SharedKey = setup.Value.SharedKey;
        model.KeyToken = setup.Value.KeyToken;
        model.Replaces = setup.Value.Replaces;
        model.Password = string.Empty;
        model.CurrentCode = null;
        model.QrCodeSvg = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(4)));
        model.Code = string.Empty;
        model.Required = IsSecondFactorRequired();
        return View("EnableAuthenticator", model);
    }

    private bool IsSecondFactorRequired() => secondFactor.IsRequiredFor(User);

    private string SafeReturnUrl(string? returnUrl) => ReturnUrls.Safe(Url, returnUrl);
}

public sealed record TwoFactorViewModel(bool Enabled, bool Required);
