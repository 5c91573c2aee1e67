using System.Net;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorkPlan.Core.Common;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Access;

/// <summary>
/// Every endpoint of the route table × every kind of actor × an own and a foreign record: the
/// expected answer is written here once, and a new endpoint without a row makes the test fail.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed partial class AccessMatrixTests(DatabaseFixture database) : IAsyncLifetime
{
    private AccessWorld _world = null!;

    private enum Expect
    {
        /// <summary>Served: 2xx, or a redirect that is not to the sign-in page.</summary>
        Allowed,

        /// <summary>Not signed in: sent to the sign-in page, which then returns to the page asked for.</summary>
        SignIn,

        /// <summary>Signed in without the role: 403.</summary>
        Forbidden,

        /// <summary>A record outside the actor's reach: 404, as if it did not exist.</summary>
        NotFound,

        /// <summary>An error page: served to anyone, whatever its status.</summary>
        Reachable,
    }

    private enum Kind
    {
        Anonymous,
        National,
        NationalStaff,
        RegionalAdmin,
        RegionalStaff,
        RegionalCentreStaff,
        DistrictAdmin,
        DistrictStaff,
    }

    /// <summary>
    /// An actor (a user of a centre) and the records that are theirs (own) and not theirs (foreign); codes of
    /// organisations. A user who acts on two kinds of plan (the regional director: their districts' and their own
    /// centre's) appears once per kind, told apart by <see cref="Case"/>.
    /// </summary>
    private sealed record Actor(string? UserName, Kind Kind, string Role, string Centre, string OwnPlan, string? ForeignPlan, string OwnOrganisation, string? ForeignOrganisation, string? OwnParent, string? ForeignParent, string OwnUser, string? ForeignUser, string? Case = null)
    {
        public string? Name => Case is null ? UserName : $"{UserName} ({Case})";
    }

    private static readonly Actor[] Actors =
    [
        new(null, Kind.Anonymous, "", "", "xojaobod", "asaka", "xojaobod", "asaka", "andijon", "namangan", "xojaobod.target", "asaka.target"),
        new("admin", Kind.National, Roles.Administrator, "national", "chust", null, "chust", null, "national", null, "chust.target", null),
        new(AccessWorld.NationalDirector, Kind.NationalStaff, Roles.NationalDirector, "national", "andijon", null, "andijon", null, "national", null, "andijon.target", null),
        new(AccessWorld.NationalMethodologist, Kind.NationalStaff, Roles.NationalMethodologist, "national", "namangan", null, "andijon", null, "national", null, "chust.target", null),
        new("andijon.admin", Kind.RegionalAdmin, Roles.Administrator, "andijon", "xojaobod", "chust", "asaka", "chust", "andijon", "namangan", "asaka.target", "chust.target"),
        new("andijon.direktor", Kind.RegionalStaff, Roles.RegionalDirector, "andijon", "xojaobod", "chust", "xojaobod", "chust", "andijon", "namangan", "xojaobod.target", "chust.target"),
        new("andijon.direktor", Kind.RegionalStaff, Roles.RegionalDirector, "andijon", "andijon", "namangan", "xojaobod", "chust", "andijon", "namangan", "xojaobod.target", "chust.target", "own centre"),
        new("andijon.metodist", Kind.RegionalStaff, Roles.RegionalMethodologist, "andijon", "asaka", "chust", "asaka", "chust", "andijon", "namangan", "asaka.target", "chust.target"),
        new(AccessWorld.RegionalInspector, Kind.RegionalCentreStaff, Roles.Inspector, "andijon", "andijon", "xojaobod", "andijon", "xojaobod", "andijon", "namangan", "andijon.target", "xojaobod.target"),
        new(AccessWorld.RegionalServiceHead, Kind.RegionalCentreStaff, Roles.ServiceHead, "andijon", "andijon", "asaka", "andijon", "asaka", "andijon", "namangan", "andijon.target", "asaka.target"),
        new("chust.admin", Kind.DistrictAdmin, Roles.Administrator, "chust", "chust", "xojaobod", "chust", "xojaobod", null, "namangan", "chust.target", "xojaobod.target"),
        new("xojaobod.admin", Kind.DistrictAdmin, Roles.Administrator, "xojaobod", "xojaobod", "asaka", "xojaobod", "asaka", null, "andijon", "xojaobod.target", "asaka.target"),
        new("xojaobod.direktor", Kind.DistrictStaff, Roles.Director, "xojaobod", "xojaobod", "asaka", "xojaobod", "asaka", "andijon", "namangan", "xojaobod.target", "asaka.target"),
        new("xojaobod.inspektor", Kind.DistrictStaff, Roles.Inspector, "xojaobod", "xojaobod", "asaka", "xojaobod", "asaka", "andijon", "namangan", "xojaobod.target", "asaka.target"),
        new("xojaobod.bibliografiya", Kind.DistrictStaff, Roles.ServiceHead, "xojaobod", "xojaobod", "asaka", "xojaobod", "asaka", "andijon", "namangan", "xojaobod.target", "asaka.target"),
        new("asaka.direktor", Kind.DistrictStaff, Roles.Director, "asaka", "asaka", "xojaobod", "asaka", "xojaobod", "andijon", "namangan", "asaka.target", "xojaobod.target"),
    ];

    private static bool IsAdmin(Actor a) => a.Kind is Kind.National or Kind.RegionalAdmin or Kind.DistrictAdmin;

    /// <summary>Whether the actor's own plan is their own centre's (rather than that of a centre below theirs).</summary>
    private static bool PlansOwnCentre(Actor a) => a.OwnPlan == a.Centre;

    private static Expect Anyone(Actor a, bool own) => Expect.Allowed;

    private static Expect SignedIn(Actor a, bool own) => a.Kind == Kind.Anonymous ? Expect.SignIn : Expect.Allowed;

    private static Expect Visible(Actor a, bool own) => a.Kind == Kind.Anonymous ? Expect.SignIn : own ? Expect.Allowed : Expect.NotFound;

    private static Expect Administered(Actor a, bool own) =>
        a.Kind == Kind.Anonymous ? Expect.SignIn : !IsAdmin(a) ? Expect.Forbidden : own ? Expect.Allowed : Expect.NotFound;

    /// <summary>The roles that write their own centre's plan: a district's director, the regional director, an inspector.</summary>
    private static bool WritesPlans(Actor a) => a.Role is Roles.Director or Roles.RegionalDirector or Roles.Inspector;

    private static bool IsEditor(Actor a) => PlansOwnCentre(a) && WritesPlans(a);

    private static bool IsDirectorOfPlan(Actor a) => PlansOwnCentre(a) && a.Role is Roles.Director or Roles.RegionalDirector;

    /// <summary>The staff of the centre above the plan's: a region's for its district, the National Library's for a regional centre.</summary>
    private static bool IsAbove(Actor a) => !PlansOwnCentre(a) && a.Role is Roles.RegionalDirector or Roles.RegionalMethodologist or Roles.NationalDirector or Roles.NationalMethodologist;

    private static bool Oversees(Actor a) => a.Role is Roles.RegionalDirector or Roles.RegionalMethodologist or Roles.NationalDirector or Roles.NationalMethodologist;

    private static bool IsRegion(Actor a) => a.Role is Roles.RegionalDirector or Roles.RegionalMethodologist;

    private static bool IsNational(Actor a) => a.Role is Roles.NationalDirector or Roles.NationalMethodologist;

    /// <summary>A region's record ({region}): those who read the region see it (own), another region's is not found; district staff see none.</summary>
    private static Expect SeesRegionRecord(Actor a, bool own) => SeesRegion(a, own) == Expect.Allowed && !own ? Expect.NotFound : SeesRegion(a, own);

    /// <summary>A step on a region's report: taken by whom the rule names, 403 to other readers of the region, 404 to outsiders.</summary>
    private static Func<Actor, bool, Expect> RegionStep(Func<Actor, bool> who) => (a, own) =>
        SeesRegionRecord(a, own) is var seen && seen != Expect.Allowed ? seen : who(a) ? Expect.Allowed : Expect.Forbidden;

    /// <summary>
    /// The editor is for the plan's own director and inspector (while a draft); another reader of the plan may not edit
    /// it (403), and a plan out of reach is not found.
    /// </summary>
    private static Expect Editor(Actor a, bool own) => a.Kind == Kind.Anonymous ? Expect.SignIn : !own ? Expect.NotFound : IsEditor(a) ? Expect.Allowed : Expect.Forbidden;

    /// <summary>Import works on the actor's own centre only: directors and inspectors; other roles get 403.</summary>
    private static Expect Writer(Actor a, bool own) => a.Kind == Kind.Anonymous ? Expect.SignIn : WritesPlans(a) ? Expect.Allowed : Expect.Forbidden;

    /// <summary>A workflow step on a visible plan: allowed to whom the rule names, 403 to other readers, 404 to outsiders.</summary>
    private static Func<Actor, bool, Expect> Step(Func<Actor, bool> who) => (a, own) =>
        a.Kind == Kind.Anonymous ? Expect.SignIn : !own ? Expect.NotFound : who(a) ? Expect.Allowed : Expect.Forbidden;

    /// <summary>Creating a centre needs a parent that can have one: district administrators have none.</summary>
    private static Expect AdministeredParent(Actor a, bool own) =>
        Administered(a, own) == Expect.Allowed && a.OwnParent is null ? Expect.NotFound : Administered(a, own);

    /// <summary>The rule and the URL of every endpoint: {plan}, {org}, {parent}, {service}, {user} take own or foreign ids.</summary>
    // The region's own pages: regional and national staff and administrators above the districts; a district, or a regional
    // centre's own inspector and service heads, see no region's figures.
    private static Expect SeesRegion(Actor a, bool own) =>
        a.Kind == Kind.Anonymous ? Expect.SignIn : a.Kind is Kind.National or Kind.NationalStaff or Kind.RegionalAdmin or Kind.RegionalStaff ? Expect.Allowed : Expect.NotFound;

    // The template's editing: the regional director and methodologist only.
    private static Expect RegionOnly(Actor a, bool own) => a.Kind == Kind.Anonymous ? Expect.SignIn : IsRegion(a) ? Expect.Allowed : Expect.Forbidden;

    // The national catalogue: read by whoever reads a region or the country (403 to a centre's own staff), kept by the
    // National Library's director and methodologist (403 to everyone else signed in, the national administrator too).
    private static Expect ReadsNational(Actor a, bool own) =>
        a.Kind == Kind.Anonymous ? Expect.SignIn : a.Kind is Kind.National or Kind.NationalStaff or Kind.RegionalAdmin or Kind.RegionalStaff ? Expect.Allowed : Expect.Forbidden;

    /// <summary>
    /// The whole country's pages (the national consolidation, reports and completeness, dashboard): the National Library's staff
    /// and administrator; a region's staff and administrator, and every centre's own staff, find nothing (404).
    /// </summary>
    private static Expect ReadsCountry(Actor a, bool own) =>
        a.Kind == Kind.Anonymous ? Expect.SignIn : a.Kind is Kind.National or Kind.NationalStaff ? Expect.Allowed : Expect.NotFound;

    private static Expect KeepsNational(Actor a, bool own) => a.Kind == Kind.Anonymous ? Expect.SignIn : IsNational(a) ? Expect.Allowed : Expect.Forbidden;

    // A region's mapping to the national codes: read by who sees the region, kept by its director and methodologist;
    // another region, or any region for a district, is not found.
    private static Expect ReadsRegionMapping(Actor a, bool own) => SeesRegion(a, own) == Expect.Allowed && !own ? Expect.NotFound : SeesRegion(a, own);

    private static Expect KeepsRegionMapping(Actor a, bool own) =>
        a.Kind == Kind.Anonymous ? Expect.SignIn : IsRegion(a) ? Expect.Allowed : a.Kind is Kind.National or Kind.NationalStaff or Kind.RegionalAdmin ? Expect.Forbidden : Expect.NotFound;

    private static readonly Dictionary<string, (string Url, Func<Actor, bool, Expect> Expect)> Matrix = new()
    {
        ["GET Home/Index"] = ("/", SignedIn),
        ["GET Plans/Index"] = ("/Plans", SignedIn),
        ["GET Plans/Details"] = ("/Plans/Details/{plan}", Visible),
        ["GET Plans/Version"] = ("/Plans/Version/{plan}?number=1", Visible),
        ["GET Plans/Compare"] = ("/Plans/Compare/{plan}?from=1&to=1", Visible),
        ["GET Plans/ExportExcel"] = ("/Plans/ExportExcel/{plan}", Visible),
        ["GET Plans/ExportPdf"] = ("/Plans/ExportPdf/{plan}", Visible),
        ["GET Actuals/Index"] = ("/Actuals?planId={plan}", Visible),
        ["POST Actuals/Save"] = ("/Actuals/Save?planId={plan}&month=9", Visible),
        ["GET Actuals/History"] = ("/Actuals/History?indicatorId={indicator}&month=9", Visible),
        ["GET MonthSheet/Download"] = ("/MonthSheet/Download?planId={plan}&month=9", Visible),
        ["GET MonthSheet/Upload"] = ("/MonthSheet/Upload?planId={plan}&month=9", Visible),
        ["POST MonthSheet/Preview"] = ("/MonthSheet/Preview?planId={plan}&month=9", Visible),
        ["POST MonthSheet/Confirm"] = ("/MonthSheet/Confirm?planId={plan}&month=9", Visible),
        ["POST Actuals/Reopen"] = ("/Actuals/Reopen?planId={plan}&month=1", Step(IsDirectorOfPlan)),
        ["POST Actuals/RequestReopen"] = ("/Actuals/RequestReopen?planId={plan}&month=1", Step(a => PlansOwnCentre(a) && a.Role is Roles.ServiceHead or Roles.Inspector)),
        // No request 999999 exists: whoever passes the policy finds nothing (another centre's request: SubmissionAndLockTests).
        ["POST Actuals/DeclineReopen"] = ("/Actuals/DeclineReopen/999999", (a, _) => a.Kind == Kind.Anonymous ? Expect.SignIn : Expect.NotFound),
        ["GET Reports/Index"] = ("/Reports?planId={plan}", Visible),
        ["GET Reports/Quarter"] = ("/Reports/Quarter?planId={plan}&quarter=1", Visible),
        ["GET Reports/ExportExcel"] = ("/Reports/ExportExcel?planId={plan}&quarter=1", Visible),
        ["GET Reports/ExportPdf"] = ("/Reports/ExportPdf?planId={plan}&quarter=1", Visible),
        ["GET Reports/Inbox"] = ("/Reports/Inbox", (a, _) => a.Kind == Kind.Anonymous ? Expect.SignIn : Oversees(a) ? Expect.Allowed : Expect.Forbidden),
        ["POST Reports/Submit"] = ("/Reports/Submit?planId={plan}&quarter=1", Step(IsEditor)),
        ["POST Reports/Accept"] = ("/Reports/Accept?planId={plan}&quarter=1", Step(IsAbove)),
        ["POST Reports/Return"] = ("/Reports/Return?planId={plan}&quarter=1", Step(IsAbove)),
        ["GET PlanEditor/Index"] = ("/PlanEditor/Index/{plan}", Editor),
        ["GET PlanEditor/AddIndicator"] = ("/PlanEditor/AddIndicator/{plan}", Editor),
        ["POST PlanEditor/AddIndicator"] = ("/PlanEditor/AddIndicator/{plan}", Editor),
        ["GET PlanEditor/EditIndicator"] = ("/PlanEditor/EditIndicator/{indicator}", Editor),
        ["POST PlanEditor/EditIndicator"] = ("/PlanEditor/EditIndicator/{indicator}", Editor),
        ["GET PlanEditor/Family"] = ("/PlanEditor/Family/{indicator}", Editor),
        ["POST PlanEditor/Family"] = ("/PlanEditor/Family/{indicator}", Editor),
        ["POST PlanEditor/SetTarget"] = ("/PlanEditor/SetTarget/{indicator}", Editor),
        ["POST PlanEditor/MoveIndicator"] = ("/PlanEditor/MoveIndicator/{indicator}?planId={plan}&direction=-1", Editor),
        ["POST PlanEditor/AddSection"] = ("/PlanEditor/AddSection/{plan}", Editor),
        ["POST PlanEditor/RenameSection"] = ("/PlanEditor/RenameSection/{section}?planId={plan}", Editor),
        ["POST PlanEditor/MoveSection"] = ("/PlanEditor/MoveSection/{section}?planId={plan}&direction=1", Editor),
        ["POST PlanEditor/DeleteSection"] = ("/PlanEditor/DeleteSection/{section}?planId={plan}", Editor),
        ["POST PlanEditor/DeleteIndicator"] = ("/PlanEditor/DeleteIndicator/{indicator}", Editor),
        ["POST Language/Set"] = ("/Language/Set", Anyone),
        ["ANY Error/Index"] = ("/Error", (_, _) => Expect.Reachable),
        ["ANY Error/Status"] = ("/Error/404", (_, _) => Expect.Reachable),
        ["GET Account/Login"] = ("/Account/Login", Anyone),
        ["POST Account/Login"] = ("/Account/Login", Anyone),
        ["GET Account/SecondFactor"] = ("/Account/SecondFactor", Anyone),
        ["POST Account/SecondFactor"] = ("/Account/SecondFactor", Anyone),
        ["GET Account/AccessDenied"] = ("/Account/AccessDenied", (_, _) => Expect.Forbidden), // the page that says 403, to anyone
        ["POST Account/Logout"] = ("/Account/Logout", SignedIn),
        ["GET Account/ChangePassword"] = ("/Account/ChangePassword", SignedIn),
        ["POST Account/ChangePassword"] = ("/Account/ChangePassword", SignedIn),
        ["GET Account/TwoFactor"] = ("/Account/TwoFactor", SignedIn),
        ["GET Account/EnableAuthenticator"] = ("/Account/EnableAuthenticator", SignedIn),
        ["POST Account/EnableAuthenticator"] = ("/Account/EnableAuthenticator", SignedIn),
        ["POST Account/DisableTwoFactor"] = ("/Account/DisableTwoFactor", SignedIn),
        ["POST Account/NewRecoveryCodes"] = ("/Account/NewRecoveryCodes", SignedIn),
        ["GET Notifications/Index"] = ("/Notifications", SignedIn),
        ["POST Notifications/ReadAll"] = ("/Notifications/ReadAll", SignedIn),
        ["GET Notifications/Settings"] = ("/Notifications/Settings", SignedIn),
        ["POST Notifications/Settings"] = ("/Notifications/Settings", SignedIn),

        // Only one's own notification opens: no one else's id is found (the recipient's own is in NotificationPageTests).
        ["POST Notifications/Open"] = ("/Notifications/Open/2147483647", (a, _) => a.Kind == Kind.Anonymous ? Expect.SignIn : Expect.NotFound),
        ["GET Organisations/Index"] = ("/Organisations", Administered),
        ["GET Organisations/Details"] = ("/Organisations/Details/{org}", Administered),
        ["GET Organisations/Create"] = ("/Organisations/Create?parentId={parent}", AdministeredParent),
        ["POST Organisations/Create"] = ("/Organisations/Create?parentId={parent}", AdministeredParent),
        ["GET Organisations/Edit"] = ("/Organisations/Edit/{org}", Administered),
        ["POST Organisations/Edit"] = ("/Organisations/Edit/{org}", Administered),
        ["GET Services/Create"] = ("/Services/Create?organisationId={org}", Administered),
        ["POST Services/Create"] = ("/Services/Create?organisationId={org}", Administered),
        ["GET Services/Edit"] = ("/Services/Edit/{service}", Administered),
        ["POST Services/Edit"] = ("/Services/Edit/{service}", Administered),
        ["POST Services/Delete"] = ("/Services/Delete/{service}", Administered),
        ["GET Users/Index"] = ("/Users", Administered),
        ["GET Users/Create"] = ("/Users/Create", Administered),
        ["POST Users/Create"] = ("/Users/Create", Administered),
        ["GET Users/Edit"] = ("/Users/Edit/{user}", Administered),
        ["POST Users/Edit"] = ("/Users/Edit/{user}", Administered),
        ["POST Users/Deactivate"] = ("/Users/Deactivate/{user}", Administered),
        ["POST Users/Activate"] = ("/Users/Activate/{user}", Administered),
        ["POST Users/ResetPassword"] = ("/Users/ResetPassword/{user}", Administered),
        ["GET Audit/Index"] = ("/Audit", Administered),
        ["GET PlanImport/Index"] = ("/PlanImport", Writer),
        ["POST PlanImport/Preview"] = ("/PlanImport/Preview", Writer),
        ["GET PlanImport/Preview"] = ("/PlanImport/Preview/5f0c2a8e-0000-4000-8000-000000000000", (a, own) => Writer(a, own) == Expect.Allowed ? Expect.NotFound : Writer(a, own)),
        ["POST PlanImport/Confirm"] = ("/PlanImport/Confirm/5f0c2a8e-0000-4000-8000-000000000000", (a, own) => Writer(a, own) == Expect.Allowed ? Expect.NotFound : Writer(a, own)),

        ["GET Catalogue/Index"] = ("/Catalogue", SignedIn),
        ["GET Catalogue/Item"] = ("/Catalogue/Item", RegionOnly),
        ["GET Catalogue/Mapping"] = ("/Catalogue/Mapping?planId={plan}", Visible),
        ["GET Consolidation/Index"] = ("/Consolidation", SeesRegion),
        ["GET Consolidation/ExportExcel"] = ("/Consolidation/ExportExcel", SeesRegion),
        ["GET Consolidation/ExportPdf"] = ("/Consolidation/ExportPdf", SeesRegion),
        ["GET NationalConsolidation/Index"] = ("/NationalConsolidation?year=2022&quarter=2", ReadsCountry),
        ["GET NationalConsolidation/ExportExcel"] = ("/NationalConsolidation/ExportExcel?year=2022&quarter=2", ReadsCountry),
        ["GET NationalConsolidation/ExportPdf"] = ("/NationalConsolidation/ExportPdf?year=2022&quarter=2", ReadsCountry),
        ["GET RegionalReports/Index"] = ("/RegionalReports?regionId={region}&year=2022&quarter=3", SeesRegionRecord),
        // Nothing is submitted in the world: whoever may read the region finds no stored file.
        ["GET RegionalReports/ExportExcel"] = ("/RegionalReports/ExportExcel?regionId={region}&year=2022&quarter=3", (a, own) => SeesRegionRecord(a, own) == Expect.Allowed ? Expect.NotFound : SeesRegionRecord(a, own)),
        ["GET RegionalReports/ExportPdf"] = ("/RegionalReports/ExportPdf?regionId={region}&year=2022&quarter=3", (a, own) => SeesRegionRecord(a, own) == Expect.Allowed ? Expect.NotFound : SeesRegionRecord(a, own)),
        ["POST RegionalReports/Submit"] = ("/RegionalReports/Submit?regionId={region}&year=2022&quarter=3", RegionStep(IsRegion)),
        ["POST RegionalReports/Accept"] = ("/RegionalReports/Accept?regionId={region}&year=2022&quarter=3", RegionStep(IsNational)),
        ["POST RegionalReports/Return"] = ("/RegionalReports/Return?regionId={region}&year=2022&quarter=3", RegionStep(IsNational)),
        ["GET Completeness/Index"] = ("/Completeness", SignedIn),
        ["GET Completeness/Plan"] = ("/Completeness/Plan?planId={plan}", Visible),
        ["GET Dashboard/Index"] = ("/Dashboard", SignedIn),
        ["GET Dashboard/District"] = ("/Dashboard/District?planId={plan}", Visible),
        ["POST Catalogue/Item"] = ("/Catalogue/Item", RegionOnly),
        ["POST Catalogue/Delete"] = ("/Catalogue/Delete/999999", (a, own) => RegionOnly(a, own) == Expect.Allowed ? Expect.NotFound : RegionOnly(a, own)),
        ["POST Catalogue/Mapping"] = ("/Catalogue/Mapping?planId={plan}", Step(IsEditor)),
        ["POST Catalogue/CreatePlan"] = ("/Catalogue/CreatePlan", Writer),
        ["POST Plans/Create"] = ("/Plans/Create", Writer),
        ["POST Catalogue/Publish"] = ("/Catalogue/Publish", RegionOnly),
        ["POST Catalogue/FromPlan"] = ("/Catalogue/FromPlan?planId={plan}", Step(IsRegion)),
        ["GET NationalProgress/Index"] = ("/NationalProgress?year=2022", ReadsCountry),
        ["GET NationalProgress/Dashboard"] = ("/NationalProgress/Dashboard?year=2022", ReadsCountry),
        ["GET NationalCatalogue/Index"] = ("/NationalCatalogue", ReadsNational),
        ["GET NationalCatalogue/Item"] = ("/NationalCatalogue/Item", KeepsNational),
        ["POST NationalCatalogue/Item"] = ("/NationalCatalogue/Item", KeepsNational),
        ["POST NationalCatalogue/Delete"] = ("/NationalCatalogue/Delete/999999", (a, own) => KeepsNational(a, own) == Expect.Allowed ? Expect.NotFound : KeepsNational(a, own)),
        ["POST NationalCatalogue/Publish"] = ("/NationalCatalogue/Publish", KeepsNational),
        ["POST NationalCatalogue/FromTemplate"] = ("/NationalCatalogue/FromTemplate?regionId={region}", KeepsNational),
        ["GET NationalCatalogue/Mapping"] = ("/NationalCatalogue/Mapping?regionId={region}", ReadsRegionMapping),
        ["POST NationalCatalogue/Mapping"] = ("/NationalCatalogue/Mapping", KeepsRegionMapping),

        // Workflow steps last: they change the plan's status (each actor starts from a fresh world).
        ["POST Plans/NextYear"] = ("/Plans/NextYear/{plan}", (a, own) => Editor(a, own)),
        ["POST Plans/Return"] = ("/Plans/Return/{plan}", Step(a => IsDirectorOfPlan(a) || IsAbove(a))),
        ["POST Plans/Submit"] = ("/Plans/Submit/{plan}", Step(IsEditor)),
        ["POST Plans/Agree"] = ("/Plans/Agree/{plan}", Step(IsAbove)),
        ["POST Plans/Approve"] = ("/Plans/Approve/{plan}", Step(IsDirectorOfPlan)),
        ["POST Plans/Amend"] = ("/Plans/Amend/{plan}", Step(IsDirectorOfPlan)),
        ["POST Plans/Discard"] = ("/Plans/Discard/{plan}", Step(IsDirectorOfPlan)),
    };

    public async Task InitializeAsync() => _world = await AccessWorld.BuildAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void HasARuleForEveryEndpointOfTheApp()
    {
        _ = database.Factory.CreateClient();
        var endpoints = database.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action is not null)
            .Select(e =>
            {
                var methods = e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods;
                var method = methods is { Count: > 0 } ? string.Join(',', methods) : "ANY";
                return $"{method} {e.Action!.ControllerName}/{e.Action.ActionName}";
            })
            .ToHashSet();

        endpoints.Except(Matrix.Keys).Should().BeEmpty("every endpoint needs its row in the access matrix");
        Matrix.Keys.Except(endpoints).Should().BeEmpty("every row of the access matrix must be an endpoint of the app");
    }

    [Theory]
    [MemberData(nameof(ActorNames))]
    public async Task AnswersEveryEndpointAsTheMatrixSays(string? actorName)
    {
        var actor = Actors.Single(a => a.Name == actorName);
        var userName = actor.UserName;
        var (app, events) = SecurityEvents.Capture(database.Factory);
        await using var _ = app;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (userName is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.Header, userName);
        }

        var token = await AntiforgeryTokenAsync(client, actor);
        var failures = new List<string>();

        foreach (var (key, (url, expect)) in Matrix)
        {
            foreach (var own in new[] { true, false })
            {
                var resolved = Resolve(url, actor, own);
                if (resolved is null || (!own && !url.Contains('{', StringComparison.Ordinal)))
                {
                    continue;
                }

                var expected = expect(actor, own);
                var method = key.Split(' ')[0];
                var logged = events.Refusals.Count;
                var response = method == "POST"
                    ? await client.PostAsync(resolved, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
                    : await client.GetAsync(resolved);
                var actual = Classify(response);
                if (actual != expected && !(expected == Expect.Reachable && actual is not (Expect.SignIn or Expect.Forbidden)))
                {
                    failures.Add($"{key} {(own ? "own" : "foreign")} {resolved}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }

                // Every refused access (403, or the 404 of a record out of reach) is one security event; nothing else is,
                // not even the page that says access was denied.
                var refusals = events.Refusals.Count - logged;
                if (refusals != (expected is Expect.NotFound or Expect.Forbidden && key != "GET Account/AccessDenied" ? 1 : 0))
                {
                    failures.Add($"{key} {(own ? "own" : "foreign")} {resolved}: {(int)response.StatusCode} logged {refusals} security event(s)");
                }
            }
        }

        failures.Should().BeEmpty($"{actorName ?? "anonymous"} must get exactly what the matrix allows");
    }

    private static Expect Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Forbidden => Expect.Forbidden,
        HttpStatusCode.NotFound => Expect.NotFound,
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location?.OriginalString.Contains("/Account/Login?ReturnUrl=", StringComparison.OrdinalIgnoreCase) == true => Expect.SignIn,
        HttpStatusCode.BadRequest => Expect.Reachable,
        _ when (int)response.StatusCode < 400 => Expect.Allowed,
        _ => Expect.Reachable,
    };

    private string? Resolve(string url, Actor actor, bool own)
    {
        string? Pick(string? ownCode, string? foreignCode) => own ? ownCode : foreignCode;
        var replacements = new Dictionary<string, Func<string?>>
        {
            ["{plan}"] = () => Pick(actor.OwnPlan, actor.ForeignPlan) is { } c ? Id(_world.Plans, c) : null,
            ["{org}"] = () => Pick(actor.OwnOrganisation, actor.ForeignOrganisation) is { } c ? Id(_world.Organisations, c) : null,
            ["{parent}"] = () => Pick(actor.OwnParent ?? actor.OwnOrganisation, actor.ForeignParent) is { } c ? Id(_world.Organisations, c) : null,
            ["{service}"] = () => Pick(actor.OwnOrganisation, actor.ForeignOrganisation) is { } c ? Id(_world.Services, c) : null,
            ["{user}"] = () => Pick(actor.OwnUser, actor.ForeignUser) is { } u ? _world.Users[u] : null,
            ["{section}"] = () => Pick(actor.OwnPlan, actor.ForeignPlan) is { } c ? Id(_world.Sections, c) : null,
            // A region: Andijon as the actor's own (any region for the national level, which has no foreign one), or Namangan.
            ["{region}"] = () => own ? Id(_world.Organisations, "andijon") : actor.Kind is Kind.National or Kind.NationalStaff ? null : Id(_world.Organisations, "namangan"),
            ["{indicator}"] = () => Pick(actor.OwnPlan, actor.ForeignPlan) is { } c ? Id(_world.Indicators, c) : null,
        };
        foreach (var (placeholder, value) in replacements)
        {
            if (url.Contains(placeholder, StringComparison.Ordinal))
            {
                if (value() is not { } id)
                {
                    return null;
                }

                url = url.Replace(placeholder, id, StringComparison.Ordinal);
            }
        }

        return url;
    }

    private static string Id(IReadOnlyDictionary<string, int> ids, string code) =>
        ids[code].ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, Actor actor)
    {
        var page = await Html.ParseAsync(await client.GetAsync(actor.Kind == Kind.Anonymous ? "/Account/Login" : "/Account/ChangePassword"));
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
