using System.Net;
using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Grpc;

/// <summary>gRPC clients of a test server, the two kinds of credentials as metadata, and reading a refused call's status.</summary>
internal static class GrpcCalls
{
    /// <summary>A native gRPC channel over the test server's handler (HTTP/2 semantics, trailers and all).</summary>
    public static GrpcChannel Channel(CoffeeShopWebFactory factory) =>
        GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });

    /// <summary>A gRPC-Web channel over HTTP/1.1, as a browser calls the main port.</summary>
    public static GrpcChannel WebChannel(CoffeeShopWebFactory factory) =>
        GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, factory.Server.CreateHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public static Metadata ApiKey(string key) => new() { { "x-api-key", key } };

    /// <summary>A signed-in user with <paramref name="role"/>, as bearer metadata, and their user id.</summary>
    public static async Task<(Metadata Headers, string UserId)> UserAsync(CoffeeShopWebFactory factory, string role)
    {
        var email = await factory.CreateUserAsync(role);
        using var client = factory.CreateClient();
        return (Bearer(await CoffeeShopWebFactory.GetTokenAsync(client, email)), await factory.UserIdOfAsync(email));
    }

    public static async Task<Metadata> ApiKeyAsync(CoffeeShopWebFactory factory, string role)
    {
        var issued = await factory.WithScopeAsync(s => s.GetRequiredService<ApiKeyService>().CreateAsync("grpc tests", role, null, CancellationToken.None));
        return ApiKey(issued.PlainKey);
    }

    /// <summary>Awaits a call that must fail with <paramref name="code"/> and returns its exception.</summary>
    public static async Task<RpcException> FailsWithAsync(StatusCode code, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var exception = Assert.ThrowsAsync<RpcException>(async () => await call());
        Assert.That(exception!.StatusCode, Is.EqualTo(code), exception.Status.Detail);
        return exception;
    }

    /// <summary>A <c>google.type.Money</c> as a decimal amount (its currency aside).</summary>
    public static decimal Amount(Google.Type.Money money)
    {
        ArgumentNullException.ThrowIfNull(money);
        return money.Units + (money.Nanos / 1_000_000_000m);
    }

    /// <summary>The <c>google.rpc.BadRequest</c> field violations of a refused call, as field → description.</summary>
    public static IReadOnlyDictionary<string, string> FieldViolations(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var badRequest = exception.GetRpcStatus()?.GetDetail<BadRequest>();
        return badRequest?.FieldViolations.ToDictionary(v => v.Field, v => v.Description) ?? [];
    }
}
