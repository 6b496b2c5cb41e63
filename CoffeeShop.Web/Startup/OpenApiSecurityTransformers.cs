using System.Globalization;
using CoffeeShop.Web.Http;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoffeeShop.Web.Startup;

/// <summary>Declares the API's two schemes (bearer JWT, X-Api-Key), so Swagger UI's Authorize button offers both.</summary>
internal sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[AuthSchemes.Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from POST /api/v1/auth/token.",
        };
        document.Components.SecuritySchemes[AuthSchemes.ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AuthSchemes.ApiKeyHeader,
            Description = "A key from POST /api/v1/api-keys (Admin), acting with the key's role.",
        };
        return Task.CompletedTask;
    }
}

/// <summary>
/// Marks each operation that is not anonymous as needing either scheme, says which roles it takes, and lists the answers
/// that authorization gives before anything else runs: 401 for a caller without credentials on every protected
/// operation, 403 where a role is required. All of it is read from the endpoint's authorization metadata, so an
/// operation documents what its [Authorize] does.
/// </summary>
internal sealed class SecurityRequirementsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthSchemes.Bearer, context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthSchemes.ApiKey, context.Document)] = [] });

        operation.Responses ??= [];
        operation.Responses.TryAdd(
            StatusCodes.Status401Unauthorized.ToString(CultureInfo.InvariantCulture),
            Problem("No valid credentials: send a bearer token or an X-Api-Key.", context.Document));

        var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Roles).Where(r => !string.IsNullOrEmpty(r)).Distinct().ToList();
        if (roles.Count > 0)
        {
            operation.Description = $"{operation.Description}\n\nRequires role: {string.Join("; ", roles)}.".Trim();
            operation.Responses.TryAdd(
                StatusCodes.Status403Forbidden.ToString(CultureInfo.InvariantCulture),
                Problem($"The caller lacks the role: {string.Join("; ", roles)}.", context.Document));
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [MediaTypes.Problem] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
        },
    };
}
