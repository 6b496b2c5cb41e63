-- wrk script: POST the menu query to /graphql (a page of 20 drinks, as GET /api/v1/menu-items returns), anonymously.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
wrk.body = '{"query":"{ menuItems(first: 20) { totalCount edges { cursor node { id category title description ingredients image price isAvailable createdAt updatedAt } } pageInfo { hasNextPage endCursor } } }"}'
