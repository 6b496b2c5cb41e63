using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoffeeShop.Web.Startup;

/// <summary>
/// Whole-body examples for the operations where a drink's sizes and options show: an order for a large oat latte with
/// two extra shots and a vanilla syrup and a small black coffee, a menu item with its sizes and groups, an option group.
/// The properties' own examples (XML <c>&lt;example&gt;</c>) describe one field; these show how the fields go together.
/// </summary>
internal sealed class OpenApiExamplesTransformer : IOpenApiOperationTransformer
{
    private const string Json = "application/json";

    private const string OrderRequest = """
        {"customerName":"Ann","notes":"","lines":[
          {"menuItemId":2,"quantity":1,"size":"large","options":[{"code":"oat-milk"},{"code":"extra-shot","quantity":2},{"code":"vanilla-syrup"}]},
          {"menuItemId":1,"quantity":1,"size":"small"}]}
        """;

    private const string Order = """
        {"id":42,"code":"q3V9xH2kLmN8pR4tW6yZ1a","customerName":"Ann","notes":"","status":"Pending",
         "lines":[
           {"menuItemId":2,"title":"Latte","size":{"code":"large","name":"Large"},
            "options":[{"code":"oat-milk","name":"Oat milk","quantity":1,"priceDelta":0.50},
                       {"code":"extra-shot","name":"Extra espresso shot","quantity":2,"priceDelta":0.70},
                       {"code":"vanilla-syrup","name":"Vanilla syrup","quantity":1,"priceDelta":0.50}],
            "unitPrice":6.80,"quantity":1,"lineTotal":6.80},
           {"menuItemId":1,"title":"Black","size":{"code":"small","name":"Small"},"options":[],"unitPrice":2.10,"quantity":1,"lineTotal":2.10}],
         "total":8.90,"currency":"USD","createdAt":"2026-12-06T08:15:00+00:00","updatedAt":"2026-12-06T08:15:00+00:00"}
        """;

    private const string Milk = """
        {"code":"milk","name":"Milk","minSelected":1,"maxSelected":1,"maxQuantity":1,"options":[
          {"code":"whole-milk","name":"Whole milk","priceDelta":0.00,"isDefault":true,"isAvailable":true},
          {"code":"oat-milk","name":"Oat milk","priceDelta":0.50,"isDefault":false,"isAvailable":true},
          {"code":"almond-milk","name":"Almond milk","priceDelta":0.50,"isDefault":false,"isAvailable":true}]}
        """;

    private const string ExtraShots = """
        {"code":"extra-shots","name":"Extra shots","minSelected":0,"maxSelected":1,"maxQuantity":3,"options":[
          {"code":"extra-shot","name":"Extra espresso shot","priceDelta":0.70,"isDefault":false,"isAvailable":true}]}
        """;

    private const string MenuItemWrite = """
        {"category":"hot","title":"Honey Latte","description":"Espresso and steamed milk with a spoon of wildflower honey.",
         "ingredients":["Espresso","Steamed milk","Honey"],"image":"/images/menu/latte.svg","isAvailable":true,
         "sizes":[{"code":"small","name":"Small","price":3.80},{"code":"medium","name":"Medium","price":4.20,"isDefault":true},{"code":"large","name":"Large","price":4.70}],
         "optionGroupCodes":["milk","extra-shots"]}
        """;

    private static readonly string MenuItem = $$"""
        {"id":2,"category":"hot","title":"Latte","description":"A double shot of espresso topped up with plenty of silky steamed milk.",
         "ingredients":["Espresso","Steamed milk","Milk foam"],"image":"/images/menu/latte.svg","price":3.90,
         "sizes":[{"code":"small","name":"Small","price":3.50,"isDefault":false},{"code":"medium","name":"Medium","price":3.90,"isDefault":true},
                  {"code":"large","name":"Large","price":4.40,"isDefault":false}],
         "optionGroups":[{{Milk}},{{ExtraShots}}],
         "isAvailable":true,"createdAt":"2026-12-01T09:00:00+00:00","updatedAt":"2026-12-01T09:00:00+00:00"}
        """;

    /// <summary>By method and route template: the request example, and the response example with its status.</summary>
    private static readonly Dictionary<(string Method, string Path), (string? Request, string Status, string Response)> Examples = new()
    {
        [("POST", "api/v1/orders")] = (OrderRequest, "201", Order),
        [("GET", "api/v1/orders/{id}")] = (null, "200", Order),
        [("GET", "api/v1/menu-items/{id}")] = (null, "200", MenuItem),
        [("POST", "api/v1/menu-items")] = (MenuItemWrite, "201", MenuItem),
        [("GET", "api/v1/option-groups/{code}")] = (null, "200", Milk),
        [("POST", "api/v1/option-groups")] = (Milk, "201", Milk),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = context.Description.RelativePath?.Split('?')[0].Replace(":int", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        if (!Examples.TryGetValue((context.Description.HttpMethod?.ToUpperInvariant() ?? string.Empty, path), out var example))
        {
            return Task.CompletedTask;
        }

        if (example.Request is { } request && operation.RequestBody?.Content?.TryGetValue(Json, out var body) == true)
        {
            body.Example = JsonNode.Parse(request);
        }

        if (operation.Responses?.TryGetValue(example.Status, out var response) == true && response.Content?.TryGetValue(Json, out var content) == true)
        {
            content.Example = JsonNode.Parse(example.Response);
        }

        return Task.CompletedTask;
    }
}
