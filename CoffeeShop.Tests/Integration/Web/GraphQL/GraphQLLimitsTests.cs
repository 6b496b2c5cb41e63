using System.Net;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Tests.Integration.Web.GraphQL;

/// <summary>
/// Each limit of /graphql (configured small here) refuses a document before anything runs: no <c>data</c> entry, a
/// 400 with application/graphql-response+json, the limit named, and no order placed by a refused mutation.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GraphQLLimitsTests : IntegrationTestBase
{
    private const string OneLine = "input: {customerName: \"Ann\", lines: [{menuItemId: 1, quantity: 1}]}";

    private HttpClient _customer = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => _customer = await Factory.CreateClientAsAsync(AppRoles.Customer);

    [OneTimeTearDown]
    public void SignOut() => _customer.Dispose();

    [Test]
    public async Task DeepQuery_IsRefusedBeforeExecution()
    {
        var answer = await RefusedMutationAsync($"mutation {{ placeOrder({OneLine}) {{ lines {{ menuItem {{ id }} }} }} }}");

        Assert.That(answer.Extensions.GetProperty("limit").GetString(), Is.EqualTo("MaxDepth"));
    }

    [Test]
    public async Task ExpensiveQuery_IsRefusedBeforeExecution()
    {
        var answer = await RefusedMutationAsync(
            $"mutation {{ placeOrder({OneLine}) {{ id code lines {{ title quantity unitPrice lineTotal menuItemId }} }} }}");

        Assert.That(answer.Extensions.GetProperty("limit").GetString(), Is.EqualTo("MaxComplexity"));
    }

    [Test]
    public async Task ExpensivePage_IsRefusedBeforeExecution()
    {
        var answer = await _customer.GraphQLAsync("{ menuItems(first: 100) { edges { cursor } } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.HasData, Is.False);
        Assert.That(answer.Extensions.GetProperty("limit").GetString(), Is.EqualTo("MaxComplexity"));
    }

    [Test]
    public async Task TooManyAliases_IsRefusedBeforeExecution()
    {
        var answer = await RefusedMutationAsync(
            $"mutation {{ a: placeOrder({OneLine}) {{ id }} b: placeOrder({OneLine}) {{ id }} c: placeOrder({OneLine}) {{ id }} }}");

        Assert.That(answer.Extensions.GetProperty("limit").GetString(), Is.EqualTo("MaxAliases"));
    }

    [Test]
    public async Task HugeDocument_IsRefusedBeforeExecution()
    {
        var answer = await RefusedMutationAsync($"mutation {{ placeOrder({OneLine}) {{ id }} }}" + new string(' ', 1_000) + "# padding");

        Assert.That(answer.Extensions.GetProperty("limit").GetString(), Is.EqualTo("MaxDocumentLength"));
    }

    [Test]
    public async Task LongBatch_IsRefusedBeforeAnyRequestRuns()
    {
        var before = await OrderCountAsync();
        var one = new { query = $"mutation {{ placeOrder({OneLine}) {{ id }} }}" };

        var answer = await _customer.PostGraphQLAsync(JsonSerializer.Serialize(new[] { one, one, one }));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.Extensions.GetProperty("limit").GetString(), Is.EqualTo("MaxBatchSize"));
        Assert.That(await OrderCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Batch_WithinTheLimit_AnswersEachRequestInOrder()
    {
        var answer = await _customer.PostGraphQLAsync("""[{"query":"{ menuItem(id: 1) { title } }"},{"query":"{ menuItem(id: 2) { title } }"}]""");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(
            answer.Body.EnumerateArray().Select(r => r.GetProperty("data").GetProperty("menuItem").GetProperty("title").GetString()),
            Is.EqualTo(new[] { "Black", "Latte" }));
    }

    [Test]
    public async Task LimitBreach_WithApplicationJson_Is200WithTheErrors()
    {
        var answer = await _customer.GraphQLAsync("{ menuItems(first: 100) { edges { cursor } } }", accept: "application/json");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.MediaType, Is.EqualTo("application/json"));
        Assert.That(answer.Codes, Is.EqualTo(new[] { "GRAPHQL_VALIDATION_FAILED" }));
    }

    [Test]
    public async Task Introspection_OffOutsideDevelopmentByDefault()
    {
        var answer = await _customer.GraphQLAsync("{ __schema { queryType { name } } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.Codes, Is.EqualTo(new[] { "GRAPHQL_VALIDATION_FAILED" }));
    }

    protected override CoffeeShopWebFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["GraphQL:MaxDepth"] = "3",
        ["GraphQL:MaxComplexity"] = "30",
        ["GraphQL:MaxAliases"] = "2",
        ["GraphQL:MaxDocumentLength"] = "400",
        ["GraphQL:MaxBatchSize"] = "2",
    });

    /// <summary>Sends a mutation that breaks a limit and checks it was refused before it ran: a 400, no data, no new order.</summary>
    private async Task<GraphQLAnswer> RefusedMutationAsync(string mutation)
    {
        var before = await OrderCountAsync();

        var answer = await _customer.GraphQLAsync(mutation);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
            Assert.That(answer.HasData, Is.False, "a refused document has no data entry");
            Assert.That(answer.Codes, Is.EqualTo(new[] { "GRAPHQL_VALIDATION_FAILED" }));
            Assert.That(await OrderCountAsync(), Is.EqualTo(before), "nothing ran");
        }

        return answer;
    }

    private Task<int> OrderCountAsync() => Factory.QueryDatabaseAsync(db => db.Orders.CountAsync());
}
