using System.Net;
using System.Net.Http.Headers;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>The first page on a fresh browser: the layout's styles and scripts come compressed and, once fetched, from the cache.</summary>
[Collection(DatabaseTests.Name)]
public sealed class StaticAssetsTests(DatabaseFixture database)
{
    [Fact]
    public async Task LinksTheLayoutsAssetsByVersionedUrls()
    {
        var page = await Html.ParseAsync(await database.Factory.CreateClient().GetAsync("/Account/Login"));

        var urls = AssetUrls(page);
        urls.Should().Contain(u => u.Contains("bootstrap", StringComparison.Ordinal) && u.EndsWith(".css", StringComparison.Ordinal))
            .And.Contain(u => u.Contains("site", StringComparison.Ordinal) && u.EndsWith(".js", StringComparison.Ordinal));
        urls.Should().OnlyContain(u => !u.EndsWith("/css/site.css", StringComparison.Ordinal) && !u.EndsWith("/js/site.js", StringComparison.Ordinal)
            && !u.EndsWith("/bootstrap.min.css", StringComparison.Ordinal) && !u.EndsWith("/bootstrap.bundle.min.js", StringComparison.Ordinal),
            "every asset URL carries its content's version, so a changed file is a new URL");
    }

    [Theory]
    [InlineData("/Account/Login", null)]
    [InlineData("/Plans", "xojaobod.direktor")]
    public async Task ServesTheLayoutsAssetsCompressed_AndCachedForAYear_WhenVersioned(string pageUrl, string? userName)
    {
        var client = userName is null ? database.Factory.CreateClient() : database.Factory.CreateClientAs(userName);
        var page = await Html.ParseAsync(await client.GetAsync(pageUrl));

        foreach (var url in AssetUrls(page))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            var response = await client.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            response.Content.Headers.ContentEncoding.Should().ContainSingle(e => e == "br" || e == "gzip", "{0} is sent compressed", url);
            response.Headers.CacheControl.Should().NotBeNull(url);
            response.Headers.CacheControl!.NoStore.Should().BeFalse("{0} may be cached even for a signed-in user", url);
            response.Headers.CacheControl.MaxAge.Should().BeGreaterThanOrEqualTo(TimeSpan.FromDays(365), url);
            response.Headers.CacheControl.Extensions.Should().Contain(e => e.Name == "immutable", url);
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Be(WorkPlan.Web.Infrastructure.SecurityHeadersMiddleware.ContentSecurityPolicy);
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        }
    }

    [Fact]
    public async Task ServesAnAssetUncompressed_WhenTheBrowserDoesNotAskForCompression()
    {
        var client = database.Factory.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync("/Account/Login"));
        var css = AssetUrls(page).First(u => u.Contains("site", StringComparison.Ordinal) && u.EndsWith(".css", StringComparison.Ordinal));

        var response = await client.GetAsync(css);

        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        (await response.Content.ReadAsStringAsync()).Should().Contain("{");
    }

    private static List<string> AssetUrls(AngleSharp.Dom.IDocument page) =>
    [
        .. page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!),
        .. page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!),
    ];
}
