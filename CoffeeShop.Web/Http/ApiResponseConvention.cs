using CoffeeShop.Web.Controllers.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoffeeShop.Web.Http;

/// <summary>
/// The error answers an API action gives by its shape, declared once here instead of on every action: a body means
/// 400 (validation), 413 (too large) and 415 (media type); a query or header parameter means 400; a route parameter
/// means 404. Each is problem details. Actions declare only what their shape does not say (success, 304, 409, 412,
/// 422, 429); 401 and 403 come from authorization metadata in the OpenAPI document (<c>SecurityRequirementsTransformer</c>).
/// </summary>
internal sealed class ApiResponseConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!typeof(ApiControllerBase).IsAssignableFrom(action.Controller.ControllerType))
        {
            return;
        }

        var sources = action.Parameters.Select(p => p.BindingInfo?.BindingSource).ToList();
        if (sources.Contains(BindingSource.Body))
        {
            Declare(action, StatusCodes.Status400BadRequest, typeof(ValidationProblemDetails));
            Declare(action, StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails));
            Declare(action, StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails));
        }

        if (sources.Contains(BindingSource.Query) || sources.Contains(BindingSource.Header))
        {
            Declare(action, StatusCodes.Status400BadRequest, typeof(ValidationProblemDetails));
        }

        var templates = action.Selectors.Select(s => s.AttributeRouteModel?.Template)
            .Append(action.Controller.Selectors.FirstOrDefault()?.AttributeRouteModel?.Template);
        if (templates.Any(t => t?.Contains('{', StringComparison.Ordinal) == true))
        {
            Declare(action, StatusCodes.Status404NotFound, typeof(ProblemDetails));
        }
    }

    private static void Declare(ActionModel action, int status, Type type)
    {
        var declared = action.Filters.OfType<IApiResponseMetadataProvider>().Any(p => p.StatusCode == status)
            || action.Attributes.OfType<IApiResponseMetadataProvider>().Any(p => p.StatusCode == status);
        if (!declared)
        {
            action.Filters.Add(new ProducesResponseTypeAttribute(type, status, MediaTypes.Problem));
        }
    }
}
