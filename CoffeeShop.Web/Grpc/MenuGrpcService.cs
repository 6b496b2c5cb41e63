using CoffeeShop.Domain.Menu;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = CoffeeShop.Web.Grpc.V1;

namespace CoffeeShop.Web.Grpc;

/// <summary><c>coffeeshop.v1.Menu</c>: the menu for anyone, through the same <see cref="MenuService"/> as the pages and the JSON API.</summary>
[AllowAnonymous]
internal sealed class MenuGrpcService(MenuService menu, GrpcMessages messages) : V1.Menu.MenuBase
{
    /// <summary>As the JSON API's <c>search</c> query parameter.</summary>
    private const int SearchMaxLength = 100;

    public override async Task<V1.ListMenuItemsResponse> ListMenuItems(V1.ListMenuItemsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Search.Length > SearchMaxLength)
        {
            throw GrpcErrors.InvalidField("search", $"search must be at most {SearchMaxLength} characters.");
        }

        var (page, pageSize) = PageTokens.Read(request.PageToken, request.PageSize, MenuItemQuery.MaxPageSize);
        var query = new MenuItemQuery
        {
            Category = GrpcMessages.Category(request.Category),
            Search = request.Search.Length == 0 ? null : request.Search,
            Page = page,
            PageSize = pageSize,
        };
        var result = await menu.ListAsync(query, context.CancellationToken);

        return new V1.ListMenuItemsResponse
        {
            Items = { result.Items.Select(messages.MenuItem) },
            TotalCount = result.TotalCount,
            NextPageToken = PageTokens.Next(result),
        };
    }

    public override async Task<V1.MenuItem> GetMenuItem(V1.GetMenuItemRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return messages.MenuItem(await menu.GetAsync(request.Id, context.CancellationToken));
    }
}
