using Microsoft.Extensions.Logging.Abstractions;
using WorkPlan.Core.Access;
using WorkPlan.Core.Account;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.UnitTests.Account;

/// <summary>
/// The account use cases over an in-memory identity store: what a sign-in tells whom, what proves the owner, and
/// which accounts may turn their second factor off.
/// </summary>
public class AccountServiceTests
{
    private const string Right = "Right-password-1";
    private const string Wrong = "Wrong-password-1";

    private readonly FakeAccountCredentials _store = new();

    private AccountService Service(bool required = true, bool demoMode = false) =>
        new(_store, new SecondFactorPolicy(required, demoMode), NullLogger<AccountService>.Instance);

    [Fact]
    public async Task ReadsAsAnyWrongPassword_WhenTheNameIsUnknown_AndStillSpendsAPasswordCheck()
    {
        (await Service().SignInAsync("nobody", Right)).Should().Be(SignInOutcome.Failed);
        _store.ChecksOfNobody.Should().Be(1);
    }

    [Theory]
    [InlineData(false, false, Right, SignInOutcome.Succeeded)]
    [InlineData(false, false, Wrong, SignInOutcome.Failed)]
    [InlineData(true, false, Right, SignInOutcome.LockedOut)]
    [InlineData(true, false, Wrong, SignInOutcome.Failed)]
    [InlineData(false, true, Right, SignInOutcome.Deactivated)]
    [InlineData(false, true, Wrong, SignInOutcome.Failed)]
    public async Task SaysLockedOrDeactivated_OnlyToWhoeverKnowsThePassword(bool locked, bool deactivated, string password, SignInOutcome outcome)
    {
        var account = _store.Add("director", Roles.Director, OrganisationKind.District);
        account.LockedOut = locked;
        account.IsActive = !deactivated;

        (await Service().SignInAsync(" director ", password)).Should().Be(outcome);
    }

    [Fact]
    public async Task CountsAWrongPasswordOfADeactivatedAccountTowardsTheLockout()
    {
        var account = _store.Add("director", Roles.Director, OrganisationKind.District);
        account.IsActive = false;

        await Service().SignInAsync("director", Wrong);

        account.FailedAttempts.Should().Be(1);
    }

    [Fact]
    public async Task AsksForTheSecondFactor_WhenThePasswordIsRightAndOneIsOn()
    {
        _store.Add("director", Roles.Director, OrganisationKind.District).TwoFactorEnabled = true;

        (await Service().SignInAsync("director", Right)).Should().Be(SignInOutcome.RequiresTwoFactor);
    }

    [Fact]
    public async Task AcceptsAnAuthenticatorCodeTypedWithSpacesOrADash()
    {
        _store.Pending = _store.Add("director", Roles.Director, OrganisationKind.District);

        (await Service().SignInWithAuthenticatorAsync("123 45-6")).Should().Be(SignInOutcome.Succeeded);
    }

    public static TheoryData<string, OrganisationKind, bool, bool, bool, bool> TurnsOff => new()
    {
        // role, centre, demo account, operator requires 2FA, demo mode, may turn it off
        { Roles.Director, OrganisationKind.District, false, true, false, false },
        { Roles.Inspector, OrganisationKind.District, false, true, false, false },
        { Roles.RegionalMethodologist, OrganisationKind.Regional, false, true, false, false },
        { Roles.Administrator, OrganisationKind.District, false, true, false, false },
        { Roles.ServiceHead, OrganisationKind.District, false, true, false, true },
        { Roles.ServiceHead, OrganisationKind.National, false, true, false, false },
        { Roles.Director, OrganisationKind.District, true, true, true, true },
        { Roles.Director, OrganisationKind.District, true, true, false, false },
        { Roles.Director, OrganisationKind.District, false, false, false, true },
    };

    [Theory]
    [MemberData(nameof(TurnsOff))]
    public async Task LetsOnlyAnAccountThatNeedNotUseASecondFactorTurnItOff(
        string role, OrganisationKind kind, bool demoAccount, bool required, bool demoMode, bool allowed)
    {
        var account = _store.Add("someone", role, kind);
        account.TwoFactorEnabled = true;
        account.IsDemo = demoAccount;
        _store.SignedIn = account;

        var result = await Service(required, demoMode).DisableTwoFactorAsync(FakeAccountCredentials.Principal, Right, "123456");

        result.IsOk.Should().Be(allowed);
        account.TwoFactorEnabled.Should().Be(!allowed);
        if (!allowed)
        {
            result.Errors.Should().ContainSingle().Which.MessageKey.Should().Be(AccountService.Messages.TwoFactorRequired);
        }
    }

    [Theory]
    [InlineData(false, Right, "123456", true, null)]
    [InlineData(false, Right, "recovery-1", true, null)]
    [InlineData(false, Wrong, "123456", false, "Password")]
    [InlineData(false, Right, "000000", false, "CurrentCode")]
    [InlineData(false, Right, null, false, "CurrentCode")]
    [InlineData(true, Right, "123456", false, "")]
    public async Task ReplacesTheAuthenticator_OnlyAfterThePasswordAndACurrentCode(
        bool locked, string password, string? currentCode, bool replaced, string? refusedField)
    {
        var account = _store.Add("director", Roles.Director, OrganisationKind.District);
        account.TwoFactorEnabled = true;
        account.LockedOut = locked;
        _store.SignedIn = account;
        var service = Service();
        var setup = await service.NewAuthenticatorSetupAsync(FakeAccountCredentials.Principal);

        var result = await service.EnableAuthenticatorAsync(FakeAccountCredentials.Principal, setup.Value.KeyToken, "654321", password, currentCode);

        result.IsOk.Should().Be(replaced);
        if (replaced)
        {
            result.Value.Should().HaveCount(AccountService.RecoveryCodeCount);
            account.Refreshed.Should().Be(1);
        }
        else
        {
            result.Errors.Select(e => e.Field).Should().Equal(refusedField!);
            account.FailedAttempts.Should().Be(password == Wrong ? 1 : 0, "only a wrong password counts towards the lockout");
        }
    }

    [Fact]
    public async Task RefusesANewKey_WhenTheCodeDoesNotMatchIt()
    {
        var account = _store.Add("director", Roles.Director, OrganisationKind.District);
        _store.SignedIn = account;
        var service = Service();
        var setup = await service.NewAuthenticatorSetupAsync(FakeAccountCredentials.Principal);

        var result = await service.EnableAuthenticatorAsync(FakeAccountCredentials.Principal, setup.Value.KeyToken, "111111", Right, null);

        result.Errors.Should().ContainSingle().Which.Should().Be(new ValidationError("Code", AccountService.Messages.InvalidCode));
        account.TwoFactorEnabled.Should().BeFalse();
    }

    [Fact]
    public async Task ShowsTheFormsOwnKeyAgain_AndANewOneForAForeignToken()
    {
        _store.SignedIn = _store.Add("director", Roles.Director, OrganisationKind.District);
        var service = Service();

        var again = await service.NewAuthenticatorSetupAsync(FakeAccountCredentials.Principal, "id-director|ABCDEFGHABCDEFGH");
        var foreign = await service.NewAuthenticatorSetupAsync(FakeAccountCredentials.Principal, "id-other|ABCDEFGHABCDEFGH");

        again.Value.SharedKey.Should().Be("abcd efgh abcd efgh");
        foreign.Value.SharedKey.Should().Be("jbsw y3dp ehpk 3pxp");
        foreign.Value.AuthenticatorUri.Should().Be($"otpauth://totp/WorkPlan:director?secret={FakeAccountCredentials.NewKey}&issuer=WorkPlan&digits=6");
    }

    [Theory]
    [InlineData(false, Right, true, 0)]
    [InlineData(false, Wrong, false, 1)]
    [InlineData(true, Right, false, 0)]
    public async Task ChangesThePassword_ClearsTheMustChangeFlag_AndEndsTheOtherSessions(bool locked, string current, bool changed, int failures)
    {
        var account = _store.Add("director", Roles.Director, OrganisationKind.District);
        account.LockedOut = locked;
        _store.SignedIn = account;

        var result = await Service().ChangePasswordAsync(FakeAccountCredentials.Principal, current, "New-password-2");

        result.IsOk.Should().Be(changed);
        account.MustChangePassword.Should().Be(!changed);
        account.OtherSessionsEnded.Should().Be(changed ? 1 : 0);
        account.FailedAttempts.Should().Be(failures);
        account.Password.Should().Be(changed ? "New-password-2" : Right);
    }
}
