// Starts GraphiQL on /graphql/ui against this site's /graphql. Requests carry no cookie: the endpoint authenticates
// only a bearer token or an API key, which you put in the Headers tab ({"Authorization": "Bearer …"}).
(function () {
  'use strict';
  var container = document.getElementById('graphiql');
  var endpoint = container.getAttribute('data-endpoint');

  function fetcher(params, options) {
    var headers = Object.assign(
      { 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json, application/json' },
      (options && options.headers) || {});
    return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify(params), credentials: 'omit' })
      .then(function (response) { return response.json(); });
  }

  var defaultQuery = [
    '# CoffeeShop GraphQL. Run with the ▶ button; sign in by adding',
    '# {"Authorization": "Bearer <token from POST /api/v1/auth/token>"} under Headers.',
    'query Menu {',
    '  menuItems(category: HOT, first: 5) {',
    '    totalCount',
    '    edges { cursor node { id title price isAvailable } }',
    '    pageInfo { hasNextPage endCursor }',
    '  }',
    '}',
    ''
  ].join('\n');

  ReactDOM.createRoot(container).render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery }));
})();
