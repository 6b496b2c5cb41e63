namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// The GraphQL endpoint's limits (configuration section <c>GraphQL</c>). Every limit is checked before anything
/// executes: the document's size and the batch's length before parsing, aliases, depth and cost in validation.
/// </summary>
public sealed class GraphQLOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Longest query text accepted, in characters.</summary>
    public int MaxDocumentLength { get; set; } = 8_000;

    /// <summary>Deepest selection accepted (GraphiQL's own introspection query needs about 13).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest estimated cost: one per field, times the page size (<c>first</c>) for the fields under a list.</summary>
    public int MaxComplexity { get; set; } = 10_000;

    /// <summary>Most aliased fields in one document (aliases multiply the work of one field).</summary>
    public int MaxAliases { get; set; } = 15;

    /// <summary>Most operations in one batched POST (a JSON array of requests).</summary>
    public int MaxBatchSize { get; set; } = 5;

    /// <summary>Whether introspection queries (<c>__schema</c>, <c>__type</c>) are answered; null means in Development only.</summary>
    public bool? Introspection { get; set; }
}
