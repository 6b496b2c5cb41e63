using CoffeeShop.Web.Contracts;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoffeeShop.Web.Startup;

/// <summary>
/// Shows a <see cref="JsonObjectBody{TModel}"/> as the model it is read into: its converter hides the shape from
/// the schema generator, which would otherwise describe the body as an empty schema.
/// </summary>
internal sealed class JsonObjectBodySchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (ModelOf(context.JsonTypeInfo.Type) is not { } model)
        {
            return;
        }

        var shape = await context.GetOrCreateSchemaAsync(model, null, cancellationToken);
        schema.Type = shape.Type;
        schema.Description = shape.Description;
        schema.Properties = shape.Properties;
        schema.Required = shape.Required;
        schema.AdditionalPropertiesAllowed = true;
    }

    /// <summary>The schema's name: the model's, so the document says MenuItemRequest, not JsonObjectBodyOfMenuItemRequest.</summary>
    public static string? ReferenceId(System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo) =>
        ModelOf(typeInfo.Type)?.Name ?? OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);

    private static Type? ModelOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(JsonObjectBody<>) ? type.GetGenericArguments()[0] : null;
}
