using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using Microsoft.Playwright;
using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Plans;

/// <summary>Opening a plan document: from the list for one's own centre, by address for someone else's.</summary>
public sealed class OpenPlanTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task ShowsPlanDocument_WhenDirectorOpensOwnPlanFromList() => InBrowserAsync(async () =>
    {
        var plans = new PlansPage(Page);
        await plans.GotoAsync();
        await new LoginPage(Page).SignInAsync(DemoAccounts.XojaobodDirector, DemoAccounts.Password);
        await plans.ExpectShownAsync();
        (await plans.PlanTitlesAsync()).Should().Equal(DemoPlans.XojaobodTitle);

        var document = await plans.OpenPlanAsync(DemoPlans.XojaobodTitle);

        document.PlanId.Should().Be(await Fixture.GetPlanIdAsync(DemoPlans.XojaobodCode, DemoPlans.Year));
        await Expect(document.Title).ToHaveTextAsync(DemoPlans.XojaobodTitle);
        await Expect(document.SignatureBlocks).ToHaveCountAsync(2);
        await Expect(document.SignatureHeadings).ToHaveTextAsync(["KELISHILDI", "TASDIQLAYMAN"]);
        await Expect(document.SignatureBlocks.First).ToBeVisibleAsync();
        await Expect(document.SignatureBlocks.Last).ToBeVisibleAsync();
        await Expect(document.Rows).ToHaveCountAsync(DemoPlans.XojaobodRowCount);
        var numbered = (await document.RowNumbersAsync())
            .Where(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(n => int.Parse(n, CultureInfo.InvariantCulture));
        numbered.Should().Equal(Enumerable.Range(1, DemoPlans.XojaobodLastNumber));
    });

    [Fact]
    public Task ShowsNotFoundPage_WhenServiceHeadOfAnotherDistrictTypesPlanAddress() => InBrowserAsync(async () =>
    {
        var xojaobodPlanId = await Fixture.GetPlanIdAsync(DemoPlans.XojaobodCode, DemoPlans.Year);
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await login.SignInAsync(DemoAccounts.AsakaServiceHead, DemoAccounts.Password);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Oylik ma'lumotlar");
        var plans = new PlansPage(Page);
        await plans.OpenFromMenuAsync();
        await new NavBar(Page).ExpectSignedInAsAsync(DemoAccounts.AsakaServiceHeadName);
        (await plans.PlanTitlesAsync()).Should().Equal(DemoPlans.AsakaTitle);

        var response = await PlanDocumentPage.GotoAsync(Page, xojaobodPlanId);

        response.Should().NotBeNull();
        response!.Status.Should().Be((int)HttpStatusCode.NotFound);
        await Expect(Page).ToHaveURLAsync(Fixture.BaseUrl + PlanDocumentPage.PathFor(xojaobodPlanId));
        await Expect(new ErrorPage(Page).Heading).ToHaveTextAsync(ErrorPage.NotFoundTitle);
        var document = new PlanDocumentPage(Page);
        await Expect(document.Title).ToHaveCountAsync(0);
        await Expect(document.SignatureBlocks).ToHaveCountAsync(0);
        await Expect(document.Rows).ToHaveCountAsync(0);
        (await Page.ContentAsync()).Should().NotContain(DemoPlans.XojaobodTitle);
        var served = await response.TextAsync();
        served.Should().NotContain(DemoPlans.XojaobodTitle).And.NotContain(HtmlEncoder.Default.Encode(DemoPlans.XojaobodTitle));
    });
}
