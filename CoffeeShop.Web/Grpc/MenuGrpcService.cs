using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = CoffeeShop.Web.Grpc.V1;

namespace CoffeeShop.Web.Grpc;

/// <summary>
/// <c>coffeeshop.v1.Menu</c>: the menu for anyone, through the same <see cref="MenuService"/> and
/// <see cref="OptionGroupService"/> as the pages and the JSON API. Each call reads the option groups once (one
/// <see cref="OptionCatalog"/>) and resolves every item's groups in it.
/// </summary>
[AllowAnonymous]
internal sealed class MenuGrpcService(MenuService menu, OptionGroupService optionGroups, GrpcMessages messages) : V1.Menu.MenuBase
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
        var catalog = await optionGroups.CatalogAsync(context.CancellationToken);

        return new V1.ListMenuItemsResponse
        {
            Items = { result.Items.Select(item => messages.MenuItem(item, catalog)) },
            TotalCount = result.TotalCount,
            NextPageToken = PageTokens.Next(result),
        };
    }

    public override async Task<V1.MenuItem> GetMenuItem(V1.GetMenuItemRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var item = await menu.GetAsync(request.Id, context.CancellationToken);
        return messages.MenuItem(item, await optionGroups.CatalogAsync(context.CancellationToken));
    }

    public override async Task<V1.ListOptionGroupsResponse> ListOptionGroups(V1.ListOptionGroupsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var groups = await optionGroups.ListAsync(context.CancellationToken);
        return new V1.ListOptionGroupsResponse { OptionGroups = { groups.Select(messages.OptionGroup) } };
    }
}
