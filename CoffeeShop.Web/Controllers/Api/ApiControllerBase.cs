using System.Text.Json;
using System.Text.Json.Nodes;
using CoffeeShop.Web.Contracts;
using CoffeeShop.Web.ErrorHandling;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson;
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
    /// A JSON Patch that can be applied at all: one with operations, none of them null, their values well formed;
    /// otherwise a 400, before the resource is loaded.
    /// </summary>
    protected static JsonPatchDocument<T> RequireOperations<T>(JsonPatchDocument<T>? patch)
        where T : class
    {
        if (patch is null || patch.Operations.Count == 0)
        {
            throw new RequestValidationException("body", "A JSON Patch must hold at least one operation.");
        }

        if (patch.Operations.IndexOf(null!) is var missing and >= 0)
        {
            throw new RequestValidationException($"[{missing}]", "Each operation must be an object with op and path.");
        }

        foreach (var operation in patch.Operations)
        {
            RequestJson.RequireWellFormed(operation.value, operation.path ?? "body");
        }

        return patch;
    }

    /// <summary>
    /// <paramref name="current"/> (the resource as a full replace would write it) with the operations applied, read back
    /// as a body is read: a failed operation, or a null put where none may be, is a 400 naming it.
    /// </summary>
    protected T ApplyJsonPatch<T>(JsonPatchDocument<T> patch, T current)
        where T : class, IRequestRecord
    {
        ArgumentNullException.ThrowIfNull(patch);

        // The patch finds the record's members through its serializer contract, which RequestJson's reader hides behind
        // a converter: it works on the plain contract; the record is read back through RequestJson below.
        patch.SerializerOptions = JsonSerializerOptions.Web;
        var errors = new Dictionary<string, string[]>();
        patch.ApplyTo(current, error => errors[error.Operation?.path ?? "body"] = [error.ErrorMessage]);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return ReadValidated<T>(RequestJson.ToJson(current));
    }

    /// <summary><paramref name="current"/> (the resource as a full replace would write it) with a merge patch's <paramref name="changes"/>, read as a body is read.</summary>
    protected T ApplyMergePatch<T>(JsonObject changes, T current)
        where T : class, IRequestRecord =>
        ReadValidated<T>(JsonMergePatch.Apply(RequestJson.ToJson(current), changes)!.AsObject());

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
