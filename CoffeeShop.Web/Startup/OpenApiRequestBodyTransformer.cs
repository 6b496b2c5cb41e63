using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoffeeShop.Web.Startup;

/// <summary>
/// Lists, for each operation's request body, exactly the media types its endpoints take (routing refuses the rest
/// with 415): the generator lists every type the JSON formatter reads. Two actions on one path and method (PATCH
/// as merge patch and as JSON Patch) become one operation in the document; each media type keeps its own schema.
/// </summary>
internal sealed class OpenApiRequestBodyTransformer : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var descriptions = context.DescriptionGroups.SelectMany(g => g.Items)
            .Where(d => d.HttpMethod is not null && !HttpMethods.IsHead(d.HttpMethod) && d.RelativePath is not null);
        foreach (var group in descriptions.GroupBy(d => (Path: "/" + d.RelativePath!.Split('?')[0], Method: d.HttpMethod!.ToUpperInvariant())))
        {
            if (document.Paths?.TryGetValue(group.Key.Path, out var path) != true
                || path!.Operations?.TryGetValue(HttpMethod.Parse(group.Key.Method), out var operation) != true
                || operation!.RequestBody?.Content is not { } content)
            {
                continue;
            }

            var accepted = new Dictionary<string, OpenApiMediaType>(StringComparer.OrdinalIgnoreCase);
            foreach (var description in group)
            {
                var types = description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().LastOrDefault(m => m.ContentTypes.Count > 0)?.ContentTypes;
                var body = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body);
                if (types is not { Count: > 0 } || body is null)
                {
                    continue;
                }

                foreach (var type in types.Where(t => !accepted.ContainsKey(t)))
                {
                    accepted[type] = content.TryGetValue(type, out var listed)
                        ? listed
                        : new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken) };
                }
            }

            if (accepted.Count == 0)
            {
                continue;
            }

            content.Clear();
            foreach (var (type, mediaType) in accepted)
            {
                content[type] = mediaType;
            }
        }
    }
}
