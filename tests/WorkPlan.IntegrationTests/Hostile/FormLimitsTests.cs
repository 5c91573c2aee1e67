using System.ComponentModel.DataAnnotations;
using System.Reflection;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Infrastructure.Identity;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.Web.Features.Account;
using WorkPlan.Web.Features.Actuals;
using WorkPlan.Web.Features.Catalogue;
using WorkPlan.Web.Features.NationalCatalogue;
using WorkPlan.Web.Features.Organisations;
using WorkPlan.Web.Features.PlanEditor;
using WorkPlan.Web.Features.Plans;
using WorkPlan.Web.Features.Users;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.IntegrationTests.Hostile;

/// <summary>
/// Every length a form checks is the length of the column its value is saved to (the column wins), or for what is
/// never stored as typed, its <see cref="FieldLimits"/> constant; and the pages' inputs say the same as maxlength.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class FormLimitsTests(DatabaseFixture database) : IAsyncLifetime
{
    /// <summary>A field of a form (a property of an input, or a parameter of an action) and the columns it is saved to.</summary>
    private static readonly Dictionary<string, (Type Entity, string Column)[]> Stored = new()
    {
        [$"{nameof(IndicatorBasicsInput)}.{nameof(IndicatorBasicsInput.Number)}"] = [(typeof(Indicator), nameof(Indicator.Number)), (typeof(TemplateIndicator), nameof(TemplateIndicator.Number)), (typeof(NationalIndicator), nameof(NationalIndicator.Number))],
        [$"{nameof(IndicatorBasicsInput)}.{nameof(IndicatorBasicsInput.Name)}"] = [(typeof(Indicator), nameof(Indicator.Name)), (typeof(TemplateIndicator), nameof(TemplateIndicator.Name)), (typeof(NationalIndicator), nameof(NationalIndicator.Name))],
        [$"{nameof(IndicatorBasicsInput)}.{nameof(IndicatorBasicsInput.Unit)}"] = [(typeof(Indicator), nameof(Indicator.Unit)), (typeof(TemplateIndicator), nameof(TemplateIndicator.Unit)), (typeof(NationalIndicator), nameof(NationalIndicator.Unit))],
        [$"{nameof(TemplateItemInput)}.{nameof(TemplateItemInput.Code)}"] = [(typeof(TemplateIndicator), nameof(TemplateIndicator.Code))],
        [$"{nameof(TemplateItemInput)}.{nameof(TemplateItemInput.SectionLabel)}"] = [(typeof(TemplateIndicator), nameof(TemplateIndicator.SectionLabel))],
        [$"{nameof(TemplateItemInput)}.{nameof(TemplateItemInput.SectionTitle)}"] = [(typeof(TemplateIndicator), nameof(TemplateIndicator.SectionTitle))],
        [$"{nameof(NationalItemInput)}.{nameof(NationalItemInput.Code)}"] = [(typeof(NationalIndicator), nameof(NationalIndicator.Code))],
        [$"{nameof(NationalItemInput)}.{nameof(NationalItemInput.SectionLabel)}"] = [(typeof(NationalIndicator), nameof(NationalIndicator.SectionLabel))],
        [$"{nameof(NationalItemInput)}.{nameof(NationalItemInput.SectionTitle)}"] = [(typeof(NationalIndicator), nameof(NationalIndicator.SectionTitle))],
        [$"{nameof(NamedInput)}.{nameof(NamedInput.Name)}"] = [(typeof(ServiceUnit), nameof(ServiceUnit.Name)), (typeof(Organisation), nameof(Organisation.Name))],
        [$"{nameof(NamedInput)}.{nameof(NamedInput.ShortName)}"] = [(typeof(ServiceUnit), nameof(ServiceUnit.ShortName)), (typeof(Organisation), nameof(Organisation.ShortName))],
        [$"{nameof(OrganisationInput)}.{nameof(OrganisationInput.DirectorTitle)}"] = [(typeof(Organisation), nameof(Organisation.DirectorTitle))],
        [$"{nameof(OrganisationInput)}.{nameof(OrganisationInput.DirectorName)}"] = [(typeof(Organisation), nameof(Organisation.DirectorName))],
        [$"{nameof(UserInput)}.{nameof(UserInput.FullName)}"] = [(typeof(AppUser), nameof(AppUser.FullName))],
        [$"{nameof(UserInput)}.{nameof(UserInput.Position)}"] = [(typeof(AppUser), nameof(AppUser.Position))],
        [$"{nameof(UserInput)}.{nameof(UserInput.Email)}"] = [(typeof(AppUser), nameof(AppUser.Email))],
        [$"{nameof(WorkPlan.Web.Features.Notifications.SettingsInput)}.{nameof(WorkPlan.Web.Features.Notifications.SettingsInput.Email)}"] = [(typeof(AppUser), nameof(AppUser.Email))],
        [$"{nameof(LoginInput)}.{nameof(LoginInput.UserName)}"] = [(typeof(AppUser), nameof(AppUser.UserName))],
        [$"{nameof(WorkflowInput)}.{nameof(WorkflowInput.Comment)}"] = [(typeof(Plan), nameof(Plan.ReturnReason))],
        [$"{nameof(ActualsController)}.{nameof(ActualsController.Reopen)}(reason)"] = [(typeof(MonthReopening), nameof(MonthReopening.Reason))],
        [$"{nameof(ActualsController)}.{nameof(ActualsController.RequestReopen)}(reason)"] = [(typeof(MonthReopenRequest), nameof(MonthReopenRequest.Reason))],
        [$"{nameof(ActualsController)}.{nameof(ActualsController.DeclineReopen)}(reason)"] = [(typeof(MonthReopenRequest), nameof(MonthReopenRequest.DeclineReason))],
    };

    /// <summary>The fields that are never stored as typed (numbers as text, passwords, codes, tokens) and their limit.</summary>
    private static readonly Dictionary<string, int> Unstored = new()
    {
        [$"{nameof(IndicatorInput)}.{nameof(IndicatorInput.PreviousFact)}"] = FieldLimits.NumberText,
        [$"{nameof(IndicatorInput)}.{nameof(IndicatorInput.Target)}"] = FieldLimits.NumberText,
        [$"{nameof(IndicatorRowInput)}.{nameof(IndicatorRowInput.Mechanism)}"] = FieldLimits.Mechanism,
        [$"{nameof(FamilyRowInput)}.{nameof(FamilyRowInput.PreviousFact)}"] = FieldLimits.NumberText,
        [$"{nameof(FamilyRowInput)}.{nameof(FamilyRowInput.Target)}"] = FieldLimits.NumberText,
        [$"{nameof(TargetInput)}.{nameof(TargetInput.Target)}"] = FieldLimits.NumberText,
        [$"{nameof(UserInput)}.{nameof(UserInput.UserName)}"] = FieldLimits.NewUserName,
        [$"{nameof(UserInput)}.{nameof(UserInput.Password)}"] = CommonPasswordValidator.MaxLength,
        [$"{nameof(ChangePasswordInput)}.{nameof(ChangePasswordInput.NewPassword)}"] = CommonPasswordValidator.MaxLength,
        [$"{nameof(LoginInput)}.{nameof(LoginInput.Password)}"] = FieldLimits.TypedPassword,
        [$"{nameof(ChangePasswordInput)}.{nameof(ChangePasswordInput.CurrentPassword)}"] = FieldLimits.TypedPassword,
        [$"{nameof(EnableAuthenticatorViewModel)}.{nameof(EnableAuthenticatorViewModel.Password)}"] = FieldLimits.TypedPassword,
        [$"{nameof(ReauthenticateInput)}.{nameof(ReauthenticateInput.Password)}"] = FieldLimits.TypedPassword,
        [$"{nameof(SecondFactorInput)}.{nameof(SecondFactorInput.Code)}"] = FieldLimits.SecondFactorCode,
        [$"{nameof(EnableAuthenticatorViewModel)}.{nameof(EnableAuthenticatorViewModel.CurrentCode)}"] = FieldLimits.SecondFactorCode,
        [$"{nameof(ReauthenticateInput)}.{nameof(ReauthenticateInput.CurrentCode)}"] = FieldLimits.SecondFactorCode,
        [$"{nameof(EnableAuthenticatorViewModel)}.{nameof(EnableAuthenticatorViewModel.Code)}"] = 7,
        [$"{nameof(EnableAuthenticatorViewModel)}.{nameof(EnableAuthenticatorViewModel.KeyToken)}"] = FieldLimits.ProtectedToken,
    };

    private int _draft;
    private int _inForce;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _draft = db.Plans.Where(p => p.Organisation!.Code == "asaka").Select(p => p.Id).Single();
        _inForce = db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).Single();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void EveryFieldAFormLimitsIsSavedToAColumnOfThatLength_OrHasItsOwnLimit()
    {
        using var db = database.CreateContext();
        var checkedFields = FormFieldsWithALength().ToList();

        var wrong = checkedFields
            .Select(f => (f.Name, f.Max, Expected: Stored.TryGetValue(f.Name, out var columns)
                ? columns.Min(c => db.Model.FindEntityType(c.Entity)!.FindProperty(c.Column)!.GetMaxLength())
                : Unstored.TryGetValue(f.Name, out var limit) ? limit : (int?)null))
            .Where(f => f.Expected != f.Max)
            .Select(f => f.Expected is null ? $"{f.Name} ({f.Max}) is not listed here" : $"{f.Name} checks {f.Max}, its limit is {f.Expected}");

        wrong.Should().BeEmpty();
        Stored.Where(f => f.Value.Select(c => db.Model.FindEntityType(c.Entity)!.FindProperty(c.Column)!.GetMaxLength()).Distinct().Count() > 1)
            .Select(f => f.Key).Should().BeEmpty("a field saved to several columns needs them of one length");
        Stored.Keys.Concat(Unstored.Keys).Except(checkedFields.Select(f => f.Name)).Should().BeEmpty("every field listed here is a field of a form");
    }

    [Fact]
    public async Task EveryLengthAFormChecks_IsRefusedInTheUsersLanguage()
    {
        FormFields().Where(f => f.Attributes.OfType<ValidationAttribute>().Any(a => a is StringLengthAttribute or MaxLengthAttribute && a.ErrorMessage is null))
            .Select(f => f.Name).Should().BeEmpty("a length without its message key is refused in English, whatever the user's language");

        var login = await Html.ParseAsync(await database.Factory.CreateClient().GetAsync("/Account/Login"));
        login.QuerySelector("#UserName")!.GetAttribute("data-val-length").Should().Be("Matn juda uzun.");
    }

    [Fact]
    public async Task TheEditorsInputsTakeTheLengthsOfTheirColumns()
    {
        var page = await Html.ParseAsync(await database.Factory.CreateClientAs("asaka.direktor").GetAsync($"/PlanEditor/Index/{_draft}"));
        await using var db = database.CreateContext();
        var section = db.Model.FindEntityType(typeof(Section))!;

        page.QuerySelector("#new-label")!.GetAttribute("maxlength").Should().Be(section.FindProperty(nameof(Section.Label))!.GetMaxLength().ToString());
        page.QuerySelector("#new-title")!.GetAttribute("maxlength").Should().Be(section.FindProperty(nameof(Section.Title))!.GetMaxLength().ToString());
        page.QuerySelectorAll("input[name=Label]").Select(i => i.GetAttribute("maxlength")).Should().OnlyContain(m => m == FieldLimits.SectionLabel.ToString());
        page.QuerySelectorAll("input[name=Target]").Select(i => i.GetAttribute("maxlength")).Should().NotBeEmpty().And.OnlyContain(m => m == FieldLimits.NumberText.ToString());
    }

    [Fact]
    public async Task TheAmendmentReasonTakesTheLengthOfItsColumn()
    {
        var page = await Html.ParseAsync(await database.Factory.CreateClientAs("xojaobod.direktor").GetAsync($"/Plans/Details/{_inForce}"));
        await using var db = database.CreateContext();

        page.QuerySelectorAll("textarea[name=Comment]").Select(t => t.GetAttribute("maxlength")).Should().NotBeEmpty()
            .And.OnlyContain(m => m == db.Model.FindEntityType(typeof(Plan))!.FindProperty(nameof(Plan.AmendmentReason))!.GetMaxLength().ToString());
    }

    /// <summary>Every property of the web's forms and every action parameter with a length, as "Type.Property" or "Controller.Action(parameter)".</summary>
    private static IEnumerable<(string Name, int Max)> FormFieldsWithALength() =>
        FormFields().Select(f => (f.Name, Max: MaxOf(f.Attributes))).Where(f => f.Max is not null).Select(f => (f.Name, f.Max!.Value));

    /// <summary>Every property of a Web type and every parameter of its public methods, with their attributes.</summary>
    private static IEnumerable<(string Name, IReadOnlyList<Attribute> Attributes)> FormFields()
    {
        foreach (var type in typeof(FormPosts).Assembly.GetTypes())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                yield return ($"{type.Name}.{property.Name}", [.. property.GetCustomAttributes()]);
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                foreach (var parameter in method.GetParameters())
                {
                    yield return ($"{type.Name}.{method.Name}({parameter.Name})", [.. parameter.GetCustomAttributes()]);
                }
            }
        }
    }

    private static int? MaxOf(IEnumerable<Attribute> attributes) => attributes.Select(a => a switch
    {
        StringLengthAttribute s => s.MaximumLength,
        MaxLengthAttribute m => m.Length,
        _ => (int?)null,
    }).FirstOrDefault(m => m is not null);
}
