using System.Net;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.GraphQL;

/// <summary>The queries of /graphql: the menu with cursor paging, one item, an order by code or id, the caller's orders.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GraphQLQueryTests : IntegrationTestBase
{
    private const string MenuPage = """
        query ($category: Category, $search: String, $first: Int, $after: String) {
          menuItems(category: $category, search: $search, first: $first, after: $after) {
            totalCount
            edges { cursor node { id title category price } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private const string OrderFields = "id code customerName status total currency lines { menuItemId title unitPrice quantity lineTotal menuItem { id title } }";

    [Test]
    public async Task MenuItems_FirstPage_ReturnsEdgesTotalCountAndPageInfo()
    {
        var answer = await Client.GraphQLAsync(MenuPage, new { category = "HOT", first = 3 });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.MediaType, Is.EqualTo(GraphQLRequests.ResponseMediaType));
        var connection = answer.Data.GetProperty("menuItems");
        var edges = connection.GetProperty("edges").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(edges.Select(e => e.GetProperty("node").GetProperty("title").GetString()), Is.EqualTo(new[] { "Black", "Latte", "Cappuccino" }));
            Assert.That(edges.Select(e => e.GetProperty("node").GetProperty("category").GetString()), Is.All.EqualTo("HOT"));
            Assert.That(connection.GetProperty("totalCount").GetInt32(), Is.GreaterThanOrEqualTo(15));
            Assert.That(connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), Is.True);
            Assert.That(connection.GetProperty("pageInfo").GetProperty("endCursor").GetString(), Is.EqualTo(edges[^1].GetProperty("cursor").GetString()));
            Assert.That(edges[1].GetProperty("node").GetProperty("price").GetDecimal(), Is.EqualTo(3.90m));
        }
    }

    [Test]
    public async Task MenuItems_AfterEndCursor_ContinuesWithoutOverlapToTheLastPage()
    {
        var seen = new List<int>();
        string? after = null;
        var hasNext = true;
        while (hasNext)
        {
            var answer = await Client.GraphQLAsync(MenuPage, new { category = "ICED", first = 4, after });
            var connection = answer.Data.GetProperty("menuItems");
            seen.AddRange(connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetInt32()));
            hasNext = connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            after = connection.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            Assert.That(seen, Has.Count.LessThan(100), "paging must end");
        }

        var total = (await Client.GraphQLAsync(MenuPage, new { category = "ICED" })).Data.GetProperty("menuItems").GetProperty("totalCount").GetInt32();
        Assert.That(seen, Is.Unique.And.Ordered.And.Count.EqualTo(total));
    }

    [Test]
    public async Task MenuItems_Search_FiltersByTitleOrDescription()
    {
        var answer = await Client.GraphQLAsync(MenuPage, new { search = "cold brew" });

        var titles = answer.Data.GetProperty("menuItems").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("title").GetString());
        Assert.That(titles, Does.Contain("Cold Brew").And.Not.Contain("Latte"));
    }

    [TestCase(0)]
    [TestCase(101)]
    public async Task MenuItems_FirstOutOfRange_IsBadUserInputNamingFirst(int first)
    {
        var answer = await Client.GraphQLAsync(MenuPage, new { first });

        Assert.That(answer.Extensions.GetProperty("code").GetString(), Is.EqualTo("BAD_USER_INPUT"), answer.ToString());
        Assert.That(answer.Extensions.GetProperty("field").GetString(), Is.EqualTo("first"));
    }

    [Test]
    public async Task MenuItems_CursorNotFromTheApi_IsBadUserInputNamingAfter()
    {
        var answer = await Client.GraphQLAsync(MenuPage, new { after = "not-a-cursor" });

        Assert.That(answer.Extensions.GetProperty("code").GetString(), Is.EqualTo("BAD_USER_INPUT"), answer.ToString());
        Assert.That(answer.Extensions.GetProperty("field").GetString(), Is.EqualTo("after"));
    }

    [Test]
    public async Task MenuItems_SearchOverTheLimit_IsBadUserInputNamingSearch()
    {
        var answer = await Client.GraphQLAsync(MenuPage, new { search = new string('a', 101) });

        Assert.That(answer.Extensions.GetProperty("field").GetString(), Is.EqualTo("search"), answer.ToString());
    }

    [Test]
    public async Task MenuItem_ById_ReturnsTheItemWithEveryField()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().Iced().WithPrice(4.25m).BuildDetails());

        var answer = await Client.GraphQLAsync(
            "query ($id: Int!) { menuItem(id: $id) { id category title description ingredients image price isAvailable createdAt updatedAt version } }",
            new { id = item.Id });

        var node = answer.Data.GetProperty("menuItem");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.GetProperty("title").GetString(), Is.EqualTo(item.Title));
            Assert.That(node.GetProperty("category").GetString(), Is.EqualTo("ICED"));
            Assert.That(node.GetProperty("price").GetDecimal(), Is.EqualTo(4.25m));
            Assert.That(node.GetProperty("ingredients").GetArrayLength(), Is.EqualTo(item.Ingredients.Count));
            Assert.That(node.GetProperty("version").GetInt32(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task MenuItem_SeededLatte_ShowsItsSizesAndTheGroupsItOffers()
    {
        var answer = await Client.GraphQLAsync("""
            { menuItem(id: 2) { price
                sizes { code name price isDefault }
                optionGroups { code name minSelected maxSelected maxQuantity options { code name priceDelta isDefault isAvailable } } } }
            """);

        Assert.That(answer.Errors, Is.Empty, answer.ToString());
        var latte = answer.Data.GetProperty("menuItem");
        var sizes = latte.GetProperty("sizes").EnumerateArray()
            .Select(s => (s.GetProperty("code").GetString(), s.GetProperty("name").GetString(), s.GetProperty("price").GetDecimal(), s.GetProperty("isDefault").GetBoolean()));
        var groups = latte.GetProperty("optionGroups").EnumerateArray().ToList();
        var milk = groups[0];
        var oat = milk.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "oat-milk");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sizes, Is.EqualTo(new[] { ("small", "Small", 3.50m, false), ("medium", "Medium", 3.90m, true), ("large", "Large", 4.40m, false) }));
            Assert.That(latte.GetProperty("price").GetDecimal(), Is.EqualTo(3.90m), "the item's price is its default size's");
            Assert.That(groups.Select(g => g.GetProperty("code").GetString()), Is.EqualTo(new[] { "milk", "extra-shots", "syrups", "sweetener" }));
            Assert.That(
                (milk.GetProperty("minSelected").GetInt32(), milk.GetProperty("maxSelected").GetInt32(), milk.GetProperty("maxQuantity").GetInt32()),
                Is.EqualTo((1, 1, 1)));
            Assert.That(
                (oat.GetProperty("name").GetString(), oat.GetProperty("priceDelta").GetDecimal(), oat.GetProperty("isDefault").GetBoolean(), oat.GetProperty("isAvailable").GetBoolean()),
                Is.EqualTo(("Oat milk", 0.50m, false, true)));
            Assert.That(groups[1].GetProperty("maxQuantity").GetInt32(), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task MenuItems_APageOfDrinks_EachShowsItsOwnGroups()
    {
        // Every field of a page of 20 drinks, their sizes and groups: within the default cost limit (docs/graphql.md).
        var answer = await Client.GraphQLAsync("""
            { menuItems(category: HOT, first: 20) { edges { cursor node { id category title description ingredients image price isAvailable
                sizes { code name price isDefault }
                optionGroups { code name minSelected maxSelected maxQuantity options { code name priceDelta isDefault isAvailable } } } } } }
            """);

        Assert.That(answer.Errors, Is.Empty, answer.ToString());
        var nodes = answer.Data.GetProperty("menuItems").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        string?[] GroupsOf(string title) => [.. nodes.Single(n => n.GetProperty("title").GetString() == title)
            .GetProperty("optionGroups").EnumerateArray().Select(g => g.GetProperty("code").GetString())];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(GroupsOf("Black"), Is.EqualTo(new[] { "extra-shots", "syrups", "sweetener" }), "no milk in a black coffee");
            Assert.That(GroupsOf("Latte"), Is.EqualTo(new[] { "milk", "extra-shots", "syrups", "sweetener" }));
            Assert.That(
                nodes.Single(n => n.GetProperty("title").GetString() == "Espresso").GetProperty("sizes").EnumerateArray().Select(s => s.GetProperty("code").GetString()),
                Is.EqualTo(new[] { "regular" }));
        }
    }

    [Test]
    public async Task OptionGroups_Anonymous_ListsEveryGroupWithItsOptionsAndRules()
    {
        var answer = await Client.GraphQLAsync("{ optionGroups { code name minSelected maxSelected maxQuantity options { code name priceDelta isDefault isAvailable } } }");

        Assert.That(answer.Errors, Is.Empty, answer.ToString());
        var groups = answer.Data.GetProperty("optionGroups").EnumerateArray().ToList();
        var syrups = groups.Single(g => g.GetProperty("code").GetString() == "syrups");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(groups.Select(g => g.GetProperty("code").GetString()), Is.EqualTo(new[] { "milk", "extra-shots", "syrups", "sweetener" }));
            Assert.That(
                (syrups.GetProperty("minSelected").GetInt32(), syrups.GetProperty("maxSelected").GetInt32(), syrups.GetProperty("maxQuantity").GetInt32()),
                Is.EqualTo((0, 3, 2)));
            Assert.That(
                syrups.GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("code").GetString(), o.GetProperty("priceDelta").GetDecimal())),
                Is.EqualTo(new[] { ("vanilla-syrup", 0.50m), ("caramel-syrup", 0.50m), ("hazelnut-syrup", 0.50m) }));
        }
    }

    [Test]
    public async Task MenuItem_UnknownId_IsNullWithNotFound()
    {
        var answer = await Client.GraphQLAsync("{ menuItem(id: 999999) { id } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Data.GetProperty("menuItem").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(answer.Codes, Is.EqualTo(new[] { "NOT_FOUND" }));
        Assert.That(answer.Errors[0].GetProperty("path")[0].GetString(), Is.EqualTo("menuItem"));
    }

    [Test]
    public async Task Order_ByCode_IsShownToAnyoneHoldingTheCode()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithPrice(2.00m).BuildDetails());
        var order = await Factory.PlaceOrderAsync("Guest", [new OrderLineRequest(item.Id, 3)]);

        var answer = await Client.GraphQLAsync($"query ($code: String!) {{ order(code: $code) {{ {OrderFields} }} }}", new { code = order.Code });

        var shown = answer.Data.GetProperty("order");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(shown.GetProperty("id").GetInt32(), Is.EqualTo(order.Id));
            Assert.That(shown.GetProperty("status").GetString(), Is.EqualTo("PENDING"));
            Assert.That(shown.GetProperty("total").GetDecimal(), Is.EqualTo(6.00m));
            Assert.That(shown.GetProperty("lines")[0].GetProperty("lineTotal").GetDecimal(), Is.EqualTo(6.00m));
            Assert.That(shown.GetProperty("lines")[0].GetProperty("menuItem").GetProperty("title").GetString(), Is.EqualTo(item.Title));
        }
    }

    [Test]
    public async Task Order_UnknownCode_IsNullWithNotFound()
    {
        var answer = await Client.GraphQLAsync("{ order(code: \"no-such-code\") { id } }");

        Assert.That(answer.Data.GetProperty("order").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(answer.Codes, Is.EqualTo(new[] { "NOT_FOUND" }));
    }

    [Test]
    public async Task OrderById_OwnerAndStaffSeeIt_StrangerGetsNotFound_AnonymousUnauthenticated()
    {
        var (owner, ownerId) = await CustomerAsync();
        var (stranger, _) = await CustomerAsync();
        using var barista = await Factory.CreateClientAsAsync(AppRoles.Barista);
        var order = await Factory.PlaceOrderAsync("Owner", [new OrderLineRequest(1, 1)], customerId: ownerId);
        const string query = "query ($id: Int!) { orderById(id: $id) { id } }";

        var byOwner = await owner.GraphQLAsync(query, new { id = order.Id });
        var byStaff = await barista.GraphQLAsync(query, new { id = order.Id });
        var byStranger = await stranger.GraphQLAsync(query, new { id = order.Id });
        var byAnonymous = await Client.GraphQLAsync(query, new { id = order.Id });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byOwner.Data.GetProperty("orderById").GetProperty("id").GetInt32(), Is.EqualTo(order.Id), byOwner.ToString());
            Assert.That(byStaff.Data.GetProperty("orderById").GetProperty("id").GetInt32(), Is.EqualTo(order.Id), byStaff.ToString());
            Assert.That(byStranger.Data.GetProperty("orderById").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(byStranger.Codes, Is.EqualTo(new[] { "NOT_FOUND" }), "a stranger is told it does not exist, not that it is forbidden");
            Assert.That(byAnonymous.Codes, Is.EqualTo(new[] { "UNAUTHENTICATED" }));
        }

        owner.Dispose();
        stranger.Dispose();
    }

    [Test]
    public async Task MyOrders_Customer_SeesOnlyTheirOwnNewestFirstAndPages()
    {
        var (customer, customerId) = await CustomerAsync();
        var first = await Factory.PlaceOrderAsync("Mine 1", [new OrderLineRequest(1, 1)], customerId: customerId);
        var second = await Factory.PlaceOrderAsync("Mine 2", [new OrderLineRequest(2, 1)], customerId: customerId);
        await Factory.PlaceOrderAsync("Not mine", [new OrderLineRequest(1, 1)]);
        const string query = "query ($after: String) { myOrders(first: 1, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }";

        var page1 = (await customer.GraphQLAsync(query)).Data.GetProperty("myOrders");
        var page2 = (await customer.GraphQLAsync(query, new { after = page1.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).Data.GetProperty("myOrders");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page1.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
            Assert.That(page1.GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetInt32(), Is.EqualTo(second.Id));
            Assert.That(page1.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), Is.True);
            Assert.That(page2.GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetInt32(), Is.EqualTo(first.Id));
            Assert.That(page2.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), Is.False);
        }

        customer.Dispose();
    }

    [Test]
    public async Task MyOrders_Anonymous_IsUnauthenticatedWithNoData()
    {
        var answer = await Client.GraphQLAsync("{ myOrders { totalCount } }");

        Assert.That(answer.Codes, Is.EqualTo(new[] { "UNAUTHENTICATED" }), answer.ToString());
        Assert.That(answer.Data.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task MyOrders_CustomerApiKey_OwnsNoOrders()
    {
        using var key = await Factory.CreateClientWithApiKeyAsync(AppRoles.Customer);

        var answer = await key.GraphQLAsync("{ myOrders { totalCount edges { node { id } } } }");

        Assert.That(answer.Errors, Is.Empty, answer.ToString());
        Assert.That(answer.Data.GetProperty("myOrders").GetProperty("totalCount").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task MyOrders_SiteCookieOnly_IsNotASignIn()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var site = await Factory.CreateSignedInClientAsync(email);

        var answer = await site.GraphQLAsync("{ myOrders { totalCount } }");

        Assert.That(answer.Codes, Is.EqualTo(new[] { "UNAUTHENTICATED" }), "the endpoint must not read the cookie, so no page elsewhere can act in the user's name");
    }

    [Test]
    public async Task Get_Query_IsAnsweredLikePost()
    {
        var answer = await Client.GetGraphQLAsync("{ menuItem(id: 2) { title } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Data.GetProperty("menuItem").GetProperty("title").GetString(), Is.EqualTo("Latte"));
    }

    private async Task<(HttpClient Client, string UserId)> CustomerAsync()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var anonymous = Factory.CreateClient();
        var client = Factory.CreateClientWithToken(await CoffeeShopWebFactory.GetTokenAsync(anonymous, email));
        return (client, await Factory.UserIdOfAsync(email));
    }
}
