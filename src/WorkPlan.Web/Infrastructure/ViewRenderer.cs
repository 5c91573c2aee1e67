using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace WorkPlan.Web.Infrastructure;

/// <summary>Renders a view to a string (the print view that becomes a PDF).</summary>
public sealed class ViewRenderer(ICompositeViewEngine viewEngine, ITempDataProvider tempData, IModelMetadataProvider metadata)
{
    /// <summary>A view of the controller's action, with its view data.</summary>
    public Task<string> RenderAsync<TModel>(Controller controller, string viewName, TModel model)
    {
        ArgumentNullException.ThrowIfNull(controller);
        return RenderAsync(controller.ControllerContext, viewName, new ViewDataDictionary<TModel>(controller.ViewData, model));
    }

    /// <summary>A view of a feature's folder (<paramref name="controller"/>), within a request but outside its controller.</summary>
    public Task<string> RenderAsync<TModel>(HttpContext httpContext, string controller, string viewName, TModel model)
    {
        var route = new Microsoft.AspNetCore.Routing.RouteData();
        route.Values["controller"] = controller;
        var action = new ActionContext(httpContext, route, new ActionDescriptor { RouteValues = { ["controller"] = controller } });
        return RenderAsync(action, viewName, new ViewDataDictionary<TModel>(metadata, new ModelStateDictionary()) { Model = model });
    }

    private async Task<string> RenderAsync(ActionContext action, string viewName, ViewDataDictionary data)
    {
        var view = viewEngine.FindView(action, viewName, isMainPage: true);
        if (!view.Success)
        {
            throw new InvalidOperationException($"The view {viewName} was not found.");
        }

        await using var writer = new StringWriter();
        var context = new ViewContext(action, view.View, data, new TempDataDictionary(action.HttpContext, tempData), writer, new HtmlHelperOptions());
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
