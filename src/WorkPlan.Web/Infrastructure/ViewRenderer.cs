using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace WorkPlan.Web.Infrastructure;

/// <summary>Renders a view of the current request to a string (the print view that becomes a PDF).</summary>
public sealed class ViewRenderer(ICompositeViewEngine viewEngine, ITempDataProvider tempData)
{
    public async Task<string> RenderAsync<TModel>(Controller controller, string viewName, TModel model)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var view = viewEngine.FindView(controller.ControllerContext, viewName, isMainPage: true);
        if (!view.Success)
        {
            throw new InvalidOperationException($"The view {viewName} was not found.");
        }

        await using var writer = new StringWriter();
        var data = new ViewDataDictionary<TModel>(controller.ViewData, model);
        var context = new ViewContext(controller.ControllerContext, view.View, data, new TempDataDictionary(controller.HttpContext, tempData), writer, new HtmlHelperOptions());
        await view.View.RenderAsync(context);
        return writer.ToString();
    }
}

/// <summary>The stylesheet that print views carry inline, so a PDF needs nothing from the network.</summary>
public sealed class PrintStyles(IWebHostEnvironment environment)
{
    private readonly Lazy<string> _css = new(() =>
    {
        var file = environment.WebRootFileProvider.GetFileInfo("css/site.css");
        using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public string Css => _css.Value;
}
