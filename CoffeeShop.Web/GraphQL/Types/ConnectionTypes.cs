using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace CoffeeShop.Web.GraphQL.Types;

/// <summary>
/// A page of <typeparamref name="TNode"/> in the Relay shape, with non-null edges, nodes and total: the page is
/// always complete, so a client need not handle holes. Named after the node type (MenuItemConnection…).
/// </summary>
public class ConnectionGraphType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = NodeName();
        Name = node + "Connection";
        Description = $"A page of {node} items, with a cursor on each.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many there are in all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType, TNode>>>>>("edges").Resolve(c => c.Source.Edges);
    }

    internal static string NodeName() => typeof(TNodeType).Name.EndsWith("Type", StringComparison.Ordinal)
        ? typeof(TNodeType).Name[..^"Type".Length]
        : typeof(TNodeType).Name;
}

/// <summary>One item of a page and its cursor (pass it as <c>after</c> to continue after it).</summary>
public class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        Name = ConnectionGraphType<TNodeType, TNode>.NodeName() + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
    }
}
