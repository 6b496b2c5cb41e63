using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoffeeShop.Tests.Integration.Web.GraphQL;

/// <summary>A failure that is not the domain's reaches the caller as a fixed sentence with INTERNAL_SERVER_ERROR, nothing more.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GraphQLInternalErrorTests : IntegrationTestBase
{
    private const string Secret = "SQLite Error 11: database disk image is malformed at /srv/secret.db";

    [Test]
    public async Task ResolverFailure_SaysNothingInternal()
    {
        var answer = await Client.GraphQLAsync("{ menuItems { totalCount } }");

        Assert.That(answer.Codes, Is.EqualTo(new[] { "INTERNAL_SERVER_ERROR" }), answer.ToString());
        Assert.That(answer.Errors[0].GetProperty("message").GetString(), Is.EqualTo(CoffeeShop.Web.GraphQL.GraphQLErrors.InternalMessage));
        Assert.That(answer.Body.ToString(), Does.Not.Contain("SQLite").And.Not.Contain("secret").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task DomainFailure_KeepsItsMessage()
    {
        var answer = await Client.GraphQLAsync("{ menuItem(id: 1) { id } }");

        Assert.That(answer.Codes, Is.EqualTo(new[] { "NOT_FOUND" }), answer.ToString());
        Assert.That(answer.Errors[0].GetProperty("message").GetString(), Is.EqualTo("Menu item 1 was not found."));
    }

    protected override CoffeeShopWebFactory CreateFactory() => new BrokenMenuFactory();

    private sealed class BrokenMenuFactory : CoffeeShopWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var repository = new Mock<IMenuItemRepository>();
            repository.Setup(r => r.ListAsync(It.IsAny<MenuItemQuery>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException(Secret));
            repository.Setup(r => r.FindAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ThrowsAsync(NotFoundException.For("Menu item", 1));
            builder.ConfigureTestServices(services => services.AddScoped(_ => repository.Object));
        }
    }
}
