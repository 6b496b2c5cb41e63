using System.Net;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.GraphQL;

/// <summary>GraphQL over HTTP: media types and status codes (the GraphQL-over-HTTP spec), malformed requests, the SDL.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GraphQLHttpTests : IntegrationTestBase
{
    [Test]
    public async Task SyntaxError_WithGraphQLResponseJson_Is400ParseFailed()
    {
        var answer = await Client.GraphQLAsync("{ menuItems(first: 2 { id } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.MediaType, Is.EqualTo(GraphQLRequests.ResponseMediaType));
        Assert.That(answer.HasData, Is.False);
        Assert.That(answer.Codes, Is.EqualTo(new[] { "GRAPHQL_PARSE_FAILED" }));
    }

    [Test]
    public async Task SyntaxError_WithApplicationJson_Is200WithTheError()
    {
        var answer = await Client.GraphQLAsync("{ menuItems(first: 2 { id } }", accept: "application/json");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.MediaType, Is.EqualTo("application/json"));
        Assert.That(answer.Codes, Is.EqualTo(new[] { "GRAPHQL_PARSE_FAILED" }));
    }

    [Test]
    public async Task UnknownField_IsValidationFailed()
    {
        var answer = await Client.GraphQLAsync("{ espressoMachine { pressure } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.Codes, Is.EqualTo(new[] { "GRAPHQL_VALIDATION_FAILED" }));
    }

    [TestCase("not json")]
    [TestCase("42")]
    [TestCase("{\"variables\": {}}")]
    [TestCase("{\"query\": 7}")]
    public async Task MalformedRequest_Is400EvenWithApplicationJson(string body)
    {
        var answer = await Client.PostGraphQLAsync(body, accept: "application/json");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.Codes, Is.EqualTo(new[] { "BAD_REQUEST" }));
    }

    [Test]
    public async Task FormBody_Is415()
    {
        var answer = await Client.PostGraphQLAsync("query=%7B__typename%7D", contentType: "application/x-www-form-urlencoded");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), answer.ToString());
    }

    [Test]
    public async Task AcceptNeitherJsonType_Is406()
    {
        var answer = await Client.GraphQLAsync("{ __typename }", accept: "text/html");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotAcceptable), answer.ToString());
    }

    [Test]
    public async Task OtherMethod_Is405InTheGraphQLErrorFormat()
    {
        using var response = await Client.PutAsync("/graphql", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("BAD_REQUEST"));
    }

    [Test]
    public async Task Schema_ServedSdl_MatchesTheCommittedDocsSchema()
    {
        using var response = await Client.GetAsync("/graphql/schema.graphql");
        var served = await response.Content.ReadAsStringAsync();
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "schema.graphql"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            served.ReplaceLineEndings("\n"),
            Is.EqualTo(committed.ReplaceLineEndings("\n")),
            "the schema changed: review the change and copy GET /graphql/schema.graphql into docs/schema.graphql");
    }

    [Test]
    public async Task Ide_IsAPageThatLoadsOnlyThisSitesScripts()
    {
        using var response = await Client.GetAsync("/graphql/ui");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("/lib/graphiql/graphiql.min.js").And.Not.Contain("://"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self';"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoffeeShop.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CoffeeShop.sln not found above the test directory.");
    }
}
