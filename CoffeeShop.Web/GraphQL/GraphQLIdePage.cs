namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// The in-browser IDE at /graphql/ui: GraphiQL 3.8.3 with React 18, all served from wwwroot/lib, started by
/// /js/graphiql-ui.js (no inline script). Its CSP (SecurityHeadersMiddleware) allows only this site.
/// </summary>
internal static class GraphQLIdePage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>CoffeeShop GraphQL – GraphiQL</title>
          <link rel="stylesheet" href="/lib/graphiql/graphiql.min.css">
          <link rel="stylesheet" href="/css/graphiql-ui.css">
        </head>
        <body>
          <div id="graphiql" data-endpoint="/graphql">GraphiQL needs JavaScript. Without it, POST queries to /graphql (see docs/graphql.md).</div>
          <script src="/lib/react/react.production.min.js"></script>
          <script src="/lib/react-dom/react-dom.production.min.js"></script>
          <script src="/lib/graphiql/graphiql.min.js"></script>
          <script src="/js/graphiql-ui.js"></script>
        </body>
        </html>
        """;
}
