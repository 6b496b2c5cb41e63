using System.Text.Json;
using System.Text.Json.Nodes;
using CoffeeShop.Web.Contracts;
using CoffeeShop.Web.ErrorHandling;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>
/// What every JSON controller shares: API conventions (400 validation problems as application/problem+json) and no antiforgery
/// check — API routes never read the cookie, so a cross-site page cannot make a request in the user's name.
/// </summary>
[ApiController]
[IgnoreAntiforgeryToken]
public abstract class ApiControllerBase : ControllerBase
{
    /// <summary>
    /// A merge patch body as the object it must be: one with at least one member, all of its text well formed;
    /// otherwise a 400 (<paramref name="empty"/> for a patch that changes nothing).
    /// </summary>
    protected static JsonObject MergePatchObject(JsonElement patch, string empty)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            throw new RequestValidationException("body", "A merge patch must be a JSON object.");
        }

        RequestJson.RequireWellFormed(patch, "body");
        return JsonObject.Create(patch) is { Count: > 0 } changes ? changes : throw new RequestValidationException("body", empty);
    }

    /// <summary>
    /// Reads a request record from a document the action built (a patch applied to the resource) with the same checks
    /// as a body the framework binds: fields left out or null (<see cref="RequestJson.Read{T}"/>), then its validation
    /// attributes. Any failure is a <see cref="RequestValidationException"/> naming the fields.
    /// </summary>
    protected T ReadValidated<T>(JsonNode document)
        where T : class, IRequestRecord
    {
        var request = RequestJson.Read<T>(document);
        if (!TryValidateModel(request))
        {
            throw new RequestValidationException(ModelState
                .Where(e => e.Value is { Errors.Count: > 0 })
                .ToDictionary(e => e.Key, e => e.Value!.Errors.Select(error => error.ErrorMessage).ToArray()));
        }

        return request;
    }
}
