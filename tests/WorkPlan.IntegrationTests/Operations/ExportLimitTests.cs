using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorkPlan.IntegrationTests.Infrastructure;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

[Collection(DatabaseTests.Name)]
public sealed class ExportLimitTests(DatabaseFixture database)
{
    [Fact]
    public void QueuesEveryExportBehindTheSameFewSlots()
    {
        _ = database.Factory.CreateClient();
        var exports = database.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Action: e.Metadata.GetMetadata<ControllerActionDescriptor>(), Limit: e.Metadata.GetMetadata<EnableRateLimitingAttribute>()))
            .Where(e => e.Action is not null && (e.Action.ActionName.StartsWith("Export", StringComparison.Ordinal) || e.Action.ActionName == "Download"))
            .ToList();

        exports.Select(e => $"{e.Action!.ControllerName}/{e.Action.ActionName}").Should().BeEquivalentTo(
            "Plans/ExportExcel", "Plans/ExportPdf", "Reports/ExportExcel", "Reports/ExportPdf", "Consolidation/ExportExcel", "Consolidation/ExportPdf",
            "RegionalReports/ExportExcel", "RegionalReports/ExportPdf", "NationalConsolidation/ExportExcel", "NationalConsolidation/ExportPdf",
            "MonthSheet/Download");
        exports.Should().OnlyContain(e => e.Limit != null && e.Limit.PolicyName == ExportLimits.Policy);
    }
}
