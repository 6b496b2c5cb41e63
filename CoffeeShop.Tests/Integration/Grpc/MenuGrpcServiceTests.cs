using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Grpc.V1;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = CoffeeShop.Web.Grpc.V1;

namespace CoffeeShop.Tests.Integration.Grpc;

/// <summary><c>coffeeshop.v1.Menu</c> over the test server: paging, filters, the item's shape, and each refusal.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class MenuGrpcServiceTests : IntegrationTestBase
{
    private GrpcChannel _channel = null!;
    private V1.Menu.MenuClient _menu = null!;
    private Domain.Menu.MenuItem _item = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _channel = GrpcCalls.Channel(Factory);
        _menu = new V1.Menu.MenuClient(_channel);
        _item = await Factory.AddMenuItemAsync(new MenuItemBuilder().Iced().WithTitle("Grpc Test Frappe").WithPrice(4.35m).BuildDetails());
    }

    [OneTimeTearDown]
    public void DisposeChannel() => _channel.Dispose();

    [Test]
    public async Task ListMenuItems_Anonymous_PagesThroughTheWholeMenuWithTokens()
    {
        var first = await _menu.ListMenuItemsAsync(new ListMenuItemsRequest { PageSize = 10 });
        var second = await _menu.ListMenuItemsAsync(new ListMenuItemsRequest { PageSize = 10, PageToken = first.NextPageToken });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.TotalCount, Is.GreaterThanOrEqualTo(25));
            Assert.That(first.Items, Has.Count.EqualTo(10));
            Assert.That(first.NextPageToken, Is.Not.Empty);
            Assert.That(second.Items.Select(i => i.Id), Is.Ordered.And.No.AnyOf(first.Items.Select(i => i.Id).ToArray()));
            Assert.That(second.Items[0].Id, Is.GreaterThan(first.Items[^1].Id));
        }
    }

    [Test]
    public async Task ListMenuItems_LastPage_HasNoNextToken()
    {
        var all = await _menu.ListMenuItemsAsync(new ListMenuItemsRequest { PageSize = 100 });

        Assert.That(all.NextPageToken, Is.Empty);
        Assert.That(all.Items, Has.Count.EqualTo(all.TotalCount));
    }

    [Test]
    public async Task ListMenuItems_ByCategoryAndSearch_ReturnsOnlyMatches()
    {
        var iced = await _menu.ListMenuItemsAsync(new ListMenuItemsRequest { Category = Category.Iced, PageSize = 100 });
        var found = await _menu.ListMenuItemsAsync(new ListMenuItemsRequest { Search = "grpc test frap" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(iced.Items.Select(i => i.Category), Is.All.EqualTo(Category.Iced));
            Assert.That(found.Items.Select(i => i.Id), Is.EqualTo(new[] { _item.Id }));
            Assert.That(found.TotalCount, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task GetMenuItem_Existing_ReturnsTheItemWithMoneyAndItsDefaultSize()
    {
        var item = await _menu.GetMenuItemAsync(new GetMenuItemRequest { Id = _item.Id });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(item.Title, Is.EqualTo("Grpc Test Frappe"));
            Assert.That(item.Category, Is.EqualTo(Category.Iced));
            Assert.That(item.Ingredients, Is.EqualTo(_item.Ingredients));
            Assert.That(item.IsAvailable, Is.True);
            Assert.That((item.Price.CurrencyCode, item.Price.Units, item.Price.Nanos), Is.EqualTo(("USD", 4L, 350_000_000)));
            Assert.That(item.Sizes.Select(s => (s.Code, s.Name, s.IsDefault, s.Price.Units, s.Price.Nanos)), Is.EqualTo(new[] { ("regular", "Regular", true, 4L, 350_000_000) }));
            Assert.That(item.OptionGroups, Is.Empty);
            Assert.That(item.CreatedAt.ToDateTimeOffset(), Is.EqualTo(_item.CreatedAt).Within(TimeSpan.FromMilliseconds(1)));
        }
    }

    [Test]
    public async Task GetMenuItem_SeededLatte_ShowsItsSizesAndTheGroupsItOffers()
    {
        var latte = await _menu.GetMenuItemAsync(new GetMenuItemRequest { Id = 2 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(latte.Title, Is.EqualTo("Latte"));
            Assert.That(latte.Sizes.Select(s => (s.Code, s.Name, GrpcCalls.Amount(s.Price), s.IsDefault)), Is.EqualTo(new[]
            {
                ("small", "Small", 3.50m, false),
                ("medium", "Medium", 3.90m, true),
                ("large", "Large", 4.40m, false),
            }));
            Assert.That(GrpcCalls.Amount(latte.Price), Is.EqualTo(3.90m), "the item's price is its default size's");
            Assert.That(latte.OptionGroups.Select(g => g.Code), Is.EqualTo(new[] { "milk", "extra-shots", "syrups", "sweetener" }));
            var milk = latte.OptionGroups[0];
            Assert.That((milk.Name, milk.MinSelected, milk.MaxSelected, milk.MaxQuantity), Is.EqualTo(("Milk", 1, 1, 1)));
            Assert.That(milk.Options.Single(o => o.IsDefault).Code, Is.EqualTo("whole-milk"));
            var oat = milk.Options.Single(o => o.Code == "oat-milk");
            Assert.That((oat.Name, GrpcCalls.Amount(oat.PriceDelta), oat.PriceDelta.CurrencyCode, oat.IsAvailable), Is.EqualTo(("Oat milk", 0.50m, "USD", true)));
            Assert.That(latte.OptionGroups[1].MaxQuantity, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task ListMenuItems_SeededDrinks_EachShowsItsOwnSizesAndGroups()
    {
        var page = await _menu.ListMenuItemsAsync(new ListMenuItemsRequest { Category = Category.Hot, PageSize = 100 });

        var black = page.Items.Single(i => i.Id == 1);
        var latte = page.Items.Single(i => i.Id == 2);
        var espresso = page.Items.Single(i => i.Title == "Espresso");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(black.Sizes.Select(s => GrpcCalls.Amount(s.Price)), Is.EqualTo(new[] { 2.10m, 2.50m, 3.00m }));
            Assert.That(black.OptionGroups.Select(g => g.Code), Is.EqualTo(new[] { "extra-shots", "syrups", "sweetener" }), "no milk in a black coffee");
            Assert.That(latte.OptionGroups.Select(g => g.Code), Does.Contain("milk"));
            Assert.That(espresso.Sizes.Select(s => (s.Code, s.IsDefault)), Is.EqualTo(new[] { ("regular", true) }));
            Assert.That(page.Items.SelectMany(i => i.Sizes).Count(s => s.IsDefault), Is.EqualTo(page.Items.Count), "one default size each");
        }
    }

    [Test]
    public async Task ListOptionGroups_Anonymous_ListsEveryGroupWithItsOptions()
    {
        var answer = await _menu.ListOptionGroupsAsync(new ListOptionGroupsRequest());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.OptionGroups.Select(g => g.Code), Is.EqualTo(new[] { "milk", "extra-shots", "syrups", "sweetener" }));
            Assert.That(answer.OptionGroups[2].Options.Select(o => (o.Code, GrpcCalls.Amount(o.PriceDelta))), Is.EqualTo(new[]
            {
                ("vanilla-syrup", 0.50m), ("caramel-syrup", 0.50m), ("hazelnut-syrup", 0.50m),
            }));
            Assert.That((answer.OptionGroups[2].MinSelected, answer.OptionGroups[2].MaxSelected, answer.OptionGroups[2].MaxQuantity), Is.EqualTo((0, 3, 2)));
        }
    }

    [Test]
    public async Task GetMenuItem_Unknown_IsNotFound()
    {
        var refused = await GrpcCalls.FailsWithAsync(StatusCode.NotFound, () => _menu.GetMenuItemAsync(new GetMenuItemRequest { Id = 999_999 }).ResponseAsync);

        Assert.That(refused.Status.Detail, Is.EqualTo("Menu item 999999 was not found."));
    }

    [TestCase(-1, "", "", "pageSize")]
    [TestCase(101, "", "", "pageSize")]
    [TestCase(10, "not-a-token", "", "pageToken")]
    [TestCase(10, "cGFnZTow", "", "pageToken")] // "page:0"
    [TestCase(10, "", "SEARCH101", "search")]
    public async Task ListMenuItems_BadRequest_IsInvalidArgumentNamingTheField(int pageSize, string token, string search, string field)
    {
        var request = new ListMenuItemsRequest { PageSize = pageSize, PageToken = token, Search = search == "SEARCH101" ? new string('a', 101) : search };

        var refused = await GrpcCalls.FailsWithAsync(StatusCode.InvalidArgument, () => _menu.ListMenuItemsAsync(request).ResponseAsync);

        Assert.That(GrpcCalls.FieldViolations(refused).Keys, Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task ListMenuItems_UnknownCategoryNumber_IsInvalidArgumentNamingCategory()
    {
        var refused = await GrpcCalls.FailsWithAsync(
            StatusCode.InvalidArgument, () => _menu.ListMenuItemsAsync(new ListMenuItemsRequest { Category = (Category)7 }).ResponseAsync);

        Assert.That(GrpcCalls.FieldViolations(refused).Keys, Is.EqualTo(new[] { "category" }));
    }

    [Test]
    public async Task ListMenuItems_OverGrpcWeb_AnswersOnTheMainPort()
    {
        using var channel = GrpcCalls.WebChannel(Factory);

        var page = await new V1.Menu.MenuClient(channel).ListMenuItemsAsync(new ListMenuItemsRequest { PageSize = 3 });

        Assert.That(page.Items, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Health_Overall_IsServing()
    {
        var health = new global::Grpc.Health.V1.Health.HealthClient(_channel);

        var answer = await health.CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest());

        Assert.That(answer.Status, Is.EqualTo(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving));
    }
}
