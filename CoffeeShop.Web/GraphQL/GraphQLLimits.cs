using System.Globalization;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQLParser;
using GraphQLParser.AST;

namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// The limits checked while the document is validated, before anything executes: aliases (a rule of its own), and
/// depth and cost (from GraphQL.NET's complexity analysis, compared here so the error names the limit).
/// </summary>
internal static class GraphQLLimits
{
    // How many items the cost estimate expects under the short lists of a menu item and an order line (typical
    // counts of the seeded menu). Without them GraphQL.NET multiplies a list with no `first` of its own by the nearest
    // `first` above it, so a page of 20 drinks counted 20 groups of 20 options each: 44 000 for a page of 20.
    public const double ExpectedSizes = 3;
    public const double ExpectedOptionGroups = 4;
    public const double ExpectedOptionsPerGroup = 5;
    public const double ExpectedOptionsPerLine = 2;

    public static void ConfigureComplexity(ComplexityOptions complexity, GraphQLOptions limits)
    {
        // Compared in the delegate rather than by GraphQL.NET itself, so each refusal says which limit it hit.
        complexity.MaxDepth = null;
        complexity.MaxComplexity = null;
        complexity.ValidateComplexityDelegate = context =>
        {
            var document = context.ValidationContext.Document;
            if (context.MaxDepth > limits.MaxDepth)
            {
                context.ValidationContext.ReportError(new LimitError(
                    context.ValidationContext.Document.Source, nameof(GraphQLOptions.MaxDepth),
                    string.Create(CultureInfo.InvariantCulture, $"The query is {context.MaxDepth} levels deep; at most {limits.MaxDepth} are allowed."),
                    document));
            }
            else if (context.TotalImpact > limits.MaxComplexity)
            {
                context.ValidationContext.ReportError(new LimitError(
                    document.Source, nameof(GraphQLOptions.MaxComplexity),
                    string.Create(CultureInfo.InvariantCulture, $"The query's estimated cost is {context.TotalImpact:0}; at most {limits.MaxComplexity} is allowed. Ask for smaller pages or fewer fields."),
                    document));
            }

            return Task.CompletedTask;
        };
    }
}

/// <summary>Refuses a document with more aliased fields than <see cref="GraphQLOptions.MaxAliases"/>.</summary>
internal sealed class AliasLimitRule(GraphQLOptions limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Alias is not null && ++count == limits.MaxAliases + 1)
            {
                validation.ReportError(new LimitError(
                    validation.Document.Source, nameof(GraphQLOptions.MaxAliases),
                    string.Create(CultureInfo.InvariantCulture, $"The document has more than {limits.MaxAliases} aliased fields."),
                    field));
            }
        }));
    }
}

/// <summary>A validation error that names the limit (GraphQL:&lt;limit&gt;) the document broke.</summary>
internal sealed class LimitError : ValidationError
{
    public LimitError(ROM source, string limit, string message, ASTNode node)
        : base(source, "limit", message, node)
    {
        Code = GraphQLErrors.ValidationFailed;
        Limit = limit;
    }

    public string Limit { get; }
}
