using System.Net;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.GraphQL;

/// <summary>Introspection is on in Development and wherever GraphQL:Introspection says so (off elsewhere: GraphQLLimitsTests).</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GraphQLIntrospectionTests
{
    private const string Query = "{ __schema { queryType { name } mutationType { name } } }";

    [Test]
    public async Task Introspection_InDevelopment_IsAnswered()
    {
        await using var factory = new CoffeeShopWebFactory(environment: "Development");
        using var client = factory.CreateClient();

        var answer = await client.GraphQLAsync(Query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Data.GetProperty("__schema").GetProperty("mutationType").GetProperty("name").GetString(), Is.EqualTo("Mutation"));
    }

    [Test]
    public async Task Introspection_TurnedOnByConfiguration_IsAnswered()
    {
        await using var factory = new CoffeeShopWebFactory(new Dictionary<string, string?> { ["GraphQL:Introspection"] = "true" });
        using var client = factory.CreateClient();

        var answer = await client.GraphQLAsync(Query);

        Assert.That(answer.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString(), Is.EqualTo("Query"), answer.ToString());
    }

    [Test]
    public async Task Introspection_TurnedOffByConfigurationInDevelopment_IsRefused()
    {
        await using var factory = new CoffeeShopWebFactory(new Dictionary<string, string?> { ["GraphQL:Introspection"] = "false" }, "Development");
        using var client = factory.CreateClient();

        var answer = await client.GraphQLAsync(Query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.HasData, Is.False);
        Assert.That(answer.Codes, Is.EqualTo(new[] { "GRAPHQL_VALIDATION_FAILED" }));
    }
}
