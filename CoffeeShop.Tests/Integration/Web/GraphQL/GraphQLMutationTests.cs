using System.Net;
using System.Text.Json;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Tests.Integration.Web.GraphQL;

/// <summary>The mutations of /graphql, with the JSON API's rules: who may, what is refused, and which field a bad input names.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GraphQLMutationTests : IntegrationTestBase
{
    private const string PlaceOrder = """
        mutation ($input: PlaceOrderInput!) {
          placeOrder(input: $input) { id code customerName status total lines { menuItemId title quantity menuItem { id } } }
        }
        """;

    private const string CancelOrder = "mutation ($code: String!) { cancelOrder(code: $code) { id status } }";
    private const string SetStatus = "mutation ($id: Int!, $status: OrderStatus!) { setOrderStatus(id: $id, status: $status) { id status } }";
    private const string UpdateMenuItem = "mutation ($id: Int!, $input: MenuItemPatchInput!) { updateMenuItem(id: $id, input: $input) { id title price image isAvailable version } }";

    [Test]
    public async Task PlaceOrder_Customer_PlacesTheOrderForThem()
    {
        using var customer = await Factory.CreateClientAsAsync(AppRoles.Customer);

        var answer = await customer.GraphQLAsync(PlaceOrder, new { input = new { customerName = "Ann", lines = new[] { new { menuItemId = 2, quantity = 2 } } } });

        Assert.That(answer.Errors, Is.Empty, answer.ToString());
        var order = answer.Data.GetProperty("placeOrder");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("PENDING"));
            Assert.That(order.GetProperty("total").GetDecimal(), Is.EqualTo(7.80m));
            Assert.That(order.GetProperty("lines")[0].GetProperty("title").GetString(), Is.EqualTo("Latte"));
            Assert.That(order.GetProperty("lines")[0].GetProperty("menuItem").GetProperty("id").GetInt32(), Is.EqualTo(2));
        }

        var mine = await customer.GraphQLAsync("{ myOrders { edges { node { id } } } }");
        Assert.That(mine.Data.GetProperty("myOrders").GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetInt32(), Is.EqualTo(order.GetProperty("id").GetInt32()));
    }

    [Test]
    public async Task PlaceOrder_ApiKey_PlacesAnOrder()
    {
        using var key = await Factory.CreateClientWithApiKeyAsync(AppRoles.Customer);

        var answer = await key.GraphQLAsync(PlaceOrder, new { input = new { customerName = "Till", lines = new[] { new { menuItemId = 1, quantity = 1 } } } });

        Assert.That(answer.Errors, Is.Empty, answer.ToString());
        Assert.That(answer.Data.GetProperty("placeOrder").GetProperty("code").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task PlaceOrder_Anonymous_IsUnauthenticatedAndPlacesNothing()
    {
        var before = await OrderCountAsync();

        var answer = await Client.GraphQLAsync(PlaceOrder, new { input = new { customerName = "Nobody", lines = new[] { new { menuItemId = 1, quantity = 1 } } } });

        Assert.That(answer.Codes, Is.EqualTo(new[] { "UNAUTHENTICATED" }), answer.ToString());
        Assert.That(await OrderCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task PlaceOrder_MissingMenuItem_IsBadUserInputNamingTheLine()
    {
        using var customer = await Factory.CreateClientAsAsync(AppRoles.Customer);

        var answer = await customer.GraphQLAsync(PlaceOrder, new
        {
            input = new { customerName = "Ann", lines = new[] { new { menuItemId = 1, quantity = 1 }, new { menuItemId = 999999, quantity = 1 } } },
        });

        Assert.That(answer.Extensions.GetProperty("code").GetString(), Is.EqualTo("BAD_USER_INPUT"), answer.ToString());
        Assert.That(answer.Extensions.GetProperty("field").GetString(), Is.EqualTo("lines[1].menuItemId"));
    }

    [Test]
    public async Task PlaceOrder_LargeOatLatteWithTwoShotsAndVanilla_IsPricedFromTheSizeAndEachOption()
    {
        using var customer = await Factory.CreateClientAsAsync(AppRoles.Customer);
        const string query = """
            mutation ($input: PlaceOrderInput!) {
              placeOrder(input: $input) { total lines { title quantity unitPrice lineTotal size { code name } options { code name quantity priceDelta } } }
            }
            """;
        var options = new object[] { new { code = "vanilla-syrup" }, new { code = "oat-milk", quantity = 1 }, new { code = "extra-shot", quantity = 2 } };

        var answer = await customer.GraphQLAsync(query, new
        {
            input = new
            {
                customerName = "Ann",
                lines = new object[] { new { menuItemId = 2, quantity = 2, size = "large", options }, new { menuItemId = 2, quantity = 1 } },
            },
        });

        Assert.That(answer.Errors, Is.Empty, answer.ToString());
        var order = answer.Data.GetProperty("placeOrder");
        var custom = order.GetProperty("lines")[0];
        var plain = order.GetProperty("lines")[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That((custom.GetProperty("size").GetProperty("code").GetString(), custom.GetProperty("size").GetProperty("name").GetString()), Is.EqualTo(("large", "Large")));
            Assert.That(
                custom.GetProperty("options").EnumerateArray().Select(o =>
                    (o.GetProperty("code").GetString(), o.GetProperty("name").GetString(), o.GetProperty("quantity").GetInt32(), o.GetProperty("priceDelta").GetDecimal())),
                Is.EqualTo(new[] { ("oat-milk", "Oat milk", 1, 0.50m), ("extra-shot", "Extra espresso shot", 2, 0.70m), ("vanilla-syrup", "Vanilla syrup", 1, 0.50m) }),
                "in the drink's group order; a quantity left out is 1");
            Assert.That(custom.GetProperty("unitPrice").GetDecimal(), Is.EqualTo(6.80m), "4.40 + 0.50 + 2 × 0.70 + 0.50");
            Assert.That(custom.GetProperty("lineTotal").GetDecimal(), Is.EqualTo(13.60m));
            Assert.That(plain.GetProperty("size").GetProperty("code").GetString(), Is.EqualTo("medium"), "no size is the default size");
            Assert.That(plain.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("code").GetString()), Is.EqualTo(new[] { "whole-milk" }));
            Assert.That(order.GetProperty("total").GetDecimal(), Is.EqualTo(17.50m));
        }
    }

    [TestCase(1, "oat-milk", null, "lines[1].options[0].code")] // Black offers no milk
    [TestCase(2, "cinnamon-dust", null, "lines[1].options[0].code")]
    [TestCase(2, "extra-shot", 4, "lines[1].options[0].quantity")]
    [TestCase(2, "extra-shot", 0, "lines[1].options[0].quantity")]
    public async Task PlaceOrder_OptionRuleBroken_IsBadUserInputNamingTheLineAndField(int menuItemId, string option, int? quantity, string field)
    {
        using var customer = await Factory.CreateClientAsAsync(AppRoles.Customer);
        var before = await OrderCountAsync();

        var answer = await customer.GraphQLAsync(PlaceOrder, new
        {
            input = new
            {
                customerName = "Ann",
                lines = new object[] { new { menuItemId = 2, quantity = 1 }, new { menuItemId, quantity = 1, options = new[] { new { code = option, quantity } } } },
            },
        });

        Assert.That(answer.Extensions.GetProperty("code").GetString(), Is.EqualTo("BAD_USER_INPUT"), answer.ToString());
        Assert.That(answer.Extensions.GetProperty("field").GetString(), Is.EqualTo(field));
        Assert.That(await OrderCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task PlaceOrder_UnknownSize_IsBadUserInputNamingTheLinesSize()
    {
        using var customer = await Factory.CreateClientAsAsync(AppRoles.Customer);

        var answer = await customer.GraphQLAsync(PlaceOrder, new { input = new { customerName = "Ann", lines = new[] { new { menuItemId = 2, quantity = 1, size = "venti" } } } });

        Assert.That(answer.Extensions.GetProperty("field").GetString(), Is.EqualTo("lines[0].size"), answer.ToString());
    }

    [Test]
    public async Task PlaceOrder_BlankName_IsBadUserInputNamingCustomerName()
    {
        using var customer = await Factory.CreateClientAsAsync(AppRoles.Customer);

        var answer = await customer.GraphQLAsync(PlaceOrder, new { input = new { customerName = " ", lines = new[] { new { menuItemId = 1, quantity = 1 } } } });

        Assert.That(answer.Extensions.GetProperty("field").GetString(), Is.EqualTo("customerName"), answer.ToString());
    }

    [Test]
    public async Task PlaceOrder_VariableOfTheWrongType_IsBadUserInputBeforeExecution()
    {
        using var customer = await Factory.CreateClientAsAsync(AppRoles.Customer);

        var answer = await customer.GraphQLAsync(PlaceOrder, new { input = new { customerName = "Ann", lines = "two lattes" } });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.HasData, Is.False);
        Assert.That(answer.Codes, Is.EqualTo(new[] { "BAD_USER_INPUT" }));
    }

    [Test]
    public async Task CancelOrder_HolderOfTheCode_CancelsAPendingOrder()
    {
        var order = await Factory.PlaceOrderAsync("Guest", [new OrderLineRequest(1, 1)]);

        var answer = await Client.GraphQLAsync(CancelOrder, new { code = order.Code });

        Assert.That(answer.Data.GetProperty("cancelOrder").GetProperty("status").GetString(), Is.EqualTo("CANCELLED"), answer.ToString());
    }

    [Test]
    public async Task CancelOrder_Preparing_IsAConflictForTheCustomerButStaffMayCancel()
    {
        var order = await Factory.PlaceOrderAsync("Guest", [new OrderLineRequest(1, 1)]);
        await Factory.MoveOrderAsync(order.Id, OrderStatus.Preparing);
        using var barista = await Factory.CreateClientAsAsync(AppRoles.Barista);

        var byHolder = await Client.GraphQLAsync(CancelOrder, new { code = order.Code });
        var byStaff = await barista.GraphQLAsync(CancelOrder, new { code = order.Code });

        Assert.That(byHolder.Codes, Is.EqualTo(new[] { "CONFLICT" }), byHolder.ToString());
        Assert.That(byStaff.Data.GetProperty("cancelOrder").GetProperty("status").GetString(), Is.EqualTo("CANCELLED"), byStaff.ToString());
    }

    [Test]
    public async Task CancelOrder_UnknownCode_IsNotFound()
    {
        var answer = await Client.GraphQLAsync(CancelOrder, new { code = "no-such-code" });

        Assert.That(answer.Codes, Is.EqualTo(new[] { "NOT_FOUND" }), answer.ToString());
    }

    [TestCase(AppRoles.Barista)]
    [TestCase(AppRoles.Admin)]
    public async Task SetOrderStatus_Staff_MovesTheOrder(string role)
    {
        var order = await Factory.PlaceOrderAsync("Guest", [new OrderLineRequest(1, 1)]);
        using var staff = await Factory.CreateClientAsAsync(role);

        var answer = await staff.GraphQLAsync(SetStatus, new { id = order.Id, status = "PREPARING" });

        Assert.That(answer.Data.GetProperty("setOrderStatus").GetProperty("status").GetString(), Is.EqualTo("PREPARING"), answer.ToString());
    }

    [Test]
    public async Task SetOrderStatus_BaristaApiKey_MovesTheOrder()
    {
        var order = await Factory.PlaceOrderAsync("Guest", [new OrderLineRequest(1, 1)]);
        using var key = await Factory.CreateClientWithApiKeyAsync(AppRoles.Barista);

        var answer = await key.GraphQLAsync(SetStatus, new { id = order.Id, status = "PREPARING" });

        Assert.That(answer.Data.GetProperty("setOrderStatus").GetProperty("status").GetString(), Is.EqualTo("PREPARING"), answer.ToString());
    }

    [Test]
    public async Task SetOrderStatus_CustomerForbidden_AnonymousUnauthenticated_OrderUnchanged()
    {
        var order = await Factory.PlaceOrderAsync("Guest", [new OrderLineRequest(1, 1)]);
        using var customer = await Factory.CreateClientAsAsync(AppRoles.Customer);

        var byCustomer = await customer.GraphQLAsync(SetStatus, new { id = order.Id, status = "PREPARING" });
        var byAnonymous = await Client.GraphQLAsync(SetStatus, new { id = order.Id, status = "PREPARING" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byCustomer.Codes, Is.EqualTo(new[] { "FORBIDDEN" }), byCustomer.ToString());
            Assert.That(byAnonymous.Codes, Is.EqualTo(new[] { "UNAUTHENTICATED" }), byAnonymous.ToString());
            Assert.That(await StatusOfAsync(order.Id), Is.EqualTo(OrderStatus.Pending));
        }
    }

    [Test]
    public async Task SetOrderStatus_RefusedMove_IsAConflict()
    {
        var order = await Factory.PlaceOrderAsync("Guest", [new OrderLineRequest(1, 1)]);
        using var barista = await Factory.CreateClientAsAsync(AppRoles.Barista);

        var answer = await barista.GraphQLAsync(SetStatus, new { id = order.Id, status = "COMPLETED" });

        Assert.That(answer.Codes, Is.EqualTo(new[] { "CONFLICT" }), answer.ToString());
    }

    [Test]
    public async Task SetOrderStatus_UnknownStatus_IsBadUserInputBeforeExecution()
    {
        using var barista = await Factory.CreateClientAsAsync(AppRoles.Barista);

        var answer = await barista.GraphQLAsync(SetStatus, new { id = 1, status = "BREWING" });

        Assert.That(answer.HasData, Is.False, answer.ToString());
        Assert.That(answer.Codes, Is.EqualTo(new[] { "BAD_USER_INPUT" }));
    }

    [Test]
    public async Task UpdateMenuItem_Admin_ChangesOnlyTheFieldsGiven()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithPrice(3.00m).BuildDetails());
        using var admin = await Factory.CreateClientAsAsync(AppRoles.Admin);

        var answer = await admin.GraphQLAsync(UpdateMenuItem, new { id = item.Id, input = new { price = 3.25m, image = (string?)null, expectedVersion = 1 } });

        Assert.That(answer.Errors, Is.Empty, answer.ToString());
        var updated = answer.Data.GetProperty("updateMenuItem");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(updated.GetProperty("price").GetDecimal(), Is.EqualTo(3.25m));
            Assert.That(updated.GetProperty("title").GetString(), Is.EqualTo(item.Title));
            Assert.That(updated.GetProperty("image").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(updated.GetProperty("version").GetInt32(), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task UpdateMenuItem_AdminApiKey_ChangesTheItem()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails());
        using var key = await Factory.CreateClientWithApiKeyAsync(AppRoles.Admin);

        var answer = await key.GraphQLAsync(UpdateMenuItem, new { id = item.Id, input = new { isAvailable = false } });

        Assert.That(answer.Data.GetProperty("updateMenuItem").GetProperty("isAvailable").GetBoolean(), Is.False, answer.ToString());
    }

    [TestCase(AppRoles.Customer)]
    [TestCase(AppRoles.Barista)]
    public async Task UpdateMenuItem_NotAdmin_IsForbidden(string role)
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails());
        using var client = await Factory.CreateClientAsAsync(role);

        var answer = await client.GraphQLAsync(UpdateMenuItem, new { id = item.Id, input = new { title = "Hijacked" } });

        Assert.That(answer.Codes, Is.EqualTo(new[] { "FORBIDDEN" }), answer.ToString());
    }

    [Test]
    public async Task UpdateMenuItem_Anonymous_IsUnauthenticated()
    {
        var answer = await Client.GraphQLAsync(UpdateMenuItem, new { id = 1, input = new { title = "Hijacked" } });

        Assert.That(answer.Codes, Is.EqualTo(new[] { "UNAUTHENTICATED" }), answer.ToString());
    }

    [TestCase("{\"price\": 0}", "price")]
    [TestCase("{\"title\": null}", "title")]
    [TestCase("{\"title\": \"\"}", "title")]
    [TestCase("{\"ingredients\": []}", "ingredients")]
    [TestCase("{}", "input")]
    [TestCase("{\"expectedVersion\": 1}", "input")]
    public async Task UpdateMenuItem_InvalidInput_IsBadUserInputNamingTheField(string input, string field)
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails());
        using var admin = await Factory.CreateClientAsAsync(AppRoles.Admin);

        var answer = await admin.GraphQLAsync(UpdateMenuItem, new { id = item.Id, input = JsonDocument.Parse(input).RootElement });

        Assert.That(answer.Extensions.GetProperty("code").GetString(), Is.EqualTo("BAD_USER_INPUT"), answer.ToString());
        Assert.That(answer.Extensions.GetProperty("field").GetString(), Is.EqualTo(field));
    }

    [Test]
    public async Task UpdateMenuItem_StaleVersionOrTakenTitle_IsAConflict()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails());
        using var admin = await Factory.CreateClientAsAsync(AppRoles.Admin);

        var stale = await admin.GraphQLAsync(UpdateMenuItem, new { id = item.Id, input = new { price = 4.00m, expectedVersion = 7 } });
        var taken = await admin.GraphQLAsync(UpdateMenuItem, new { id = item.Id, input = new { title = "Latte" } });

        Assert.That(stale.Codes, Is.EqualTo(new[] { "CONFLICT" }), stale.ToString());
        Assert.That(taken.Codes, Is.EqualTo(new[] { "CONFLICT" }), taken.ToString());
    }

    [Test]
    public async Task UpdateMenuItem_UnknownId_IsNotFound()
    {
        using var admin = await Factory.CreateClientAsAsync(AppRoles.Admin);

        var answer = await admin.GraphQLAsync(UpdateMenuItem, new { id = 999999, input = new { price = 4.00m } });

        Assert.That(answer.Codes, Is.EqualTo(new[] { "NOT_FOUND" }), answer.ToString());
    }

    [Test]
    public async Task Mutation_OverGet_Is405WithAllowPostAndChangesNothing()
    {
        var order = await Factory.PlaceOrderAsync("Guest", [new OrderLineRequest(1, 1)]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString($"mutation {{ cancelOrder(code: \"{order.Code}\") {{ id }} }}"));

        using var response = await Client.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "POST" }));
            Assert.That(await StatusOfAsync(order.Id), Is.EqualTo(OrderStatus.Pending));
        }
    }

    private Task<int> OrderCountAsync() => Factory.QueryDatabaseAsync(db => db.Orders.CountAsync());

    private Task<OrderStatus> StatusOfAsync(int id) =>
        Factory.QueryDatabaseAsync(db => db.Orders.Where(o => o.Id == id).Select(o => o.Status).SingleAsync());
}
