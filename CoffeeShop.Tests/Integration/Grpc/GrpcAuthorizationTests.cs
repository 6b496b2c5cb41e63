using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Grpc;

/// <summary>
/// The gRPC access table, as <c>EndpointAuthorizationTests</c> is the HTTP one (which leaves gRPC endpoints to this
/// fixture): every gRPC method the app maps, who may call it, and each kind of caller calling it with an empty request.
/// A refused caller gets UNAUTHENTICATED or PERMISSION_DENIED; an allowed one anything else (an empty request is
/// often INVALID_ARGUMENT or NOT_FOUND, which shows the door was open).
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GrpcAuthorizationTests : IntegrationTestBase
{
    private static readonly Rule[] Table =
    [
        new("coffeeshop.v1.Menu", "ListMenuItems", Access.Anyone),
        new("coffeeshop.v1.Menu", "GetMenuItem", Access.Anyone),
        new("coffeeshop.v1.Menu", "ListOptionGroups", Access.Anyone),
        new("coffeeshop.v1.Orders", "PlaceOrder", Access.SignedIn),
        new("coffeeshop.v1.Orders", "GetOrder", Access.SignedIn),
        new("coffeeshop.v1.Orders", "ListOrders", Access.SignedIn),
        new("coffeeshop.v1.Orders", "CancelOrder", Access.SignedIn),
        new("coffeeshop.v1.Orders", "WatchOrder", Access.SignedIn),
        new("coffeeshop.v1.Orders", "UpdateOrderStatus", Access.Staff),
        new("grpc.health.v1.Health", "Check", Access.Anyone),
        new("grpc.health.v1.Health", "Watch", Access.Anyone),
    ];

    private readonly Dictionary<Caller, Metadata> _callers = [];
    private GrpcChannel _channel = null!;

    public enum Access
    {
        Anyone,
        SignedIn,
        Staff,
    }

    public enum Caller
    {
        Anonymous,
        Customer,
        CustomerKey,
        Barista,
        Admin,
        BaristaKey,
    }

    public static IEnumerable<TestCaseData> Rules() =>
        Table.Select(rule => new TestCaseData(rule).SetArgDisplayNames($"{rule.Service}/{rule.Method}"));

    [OneTimeSetUp]
    public async Task ArrangeCallersAsync()
    {
        _channel = GrpcCalls.Channel(Factory);
        _callers[Caller.Anonymous] = [];
        _callers[Caller.Customer] = (await GrpcCalls.UserAsync(Factory, AppRoles.Customer)).Headers;
        _callers[Caller.CustomerKey] = await GrpcCalls.ApiKeyAsync(Factory, AppRoles.Customer);
        _callers[Caller.Barista] = (await GrpcCalls.UserAsync(Factory, AppRoles.Barista)).Headers;
        _callers[Caller.Admin] = (await GrpcCalls.UserAsync(Factory, AppRoles.Admin)).Headers;
        _callers[Caller.BaristaKey] = await GrpcCalls.ApiKeyAsync(Factory, AppRoles.Barista);
    }

    [OneTimeTearDown]
    public void DisposeChannel() => _channel.Dispose();

    [Test]
    public void EveryGrpcMethod_IsListedInTheAccessTable()
    {
        var mapped = GrpcMethods().Select(m => $"{m.ServiceName}/{m.Name}").ToHashSet(StringComparer.Ordinal);

        Assert.That(mapped, Is.EquivalentTo(Table.Select(r => $"{r.Service}/{r.Method}")));
    }

    [TestCaseSource(nameof(Rules))]
    public async Task GrpcMethod_CalledByEachCaller_AllowsExactlyTheTablesCallers(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var method = GrpcMethods().Single(m => m.ServiceName == rule.Service && m.Name == rule.Method);

        foreach (var (caller, headers) in _callers)
        {
            var status = await CallAsync(method, headers);
            var refusal = caller == Caller.Anonymous ? StatusCode.Unauthenticated : StatusCode.PermissionDenied;
            if (IsAllowed(rule.Access, caller))
            {
                Assert.That(status, Is.Not.AnyOf(StatusCode.Unauthenticated, StatusCode.PermissionDenied, StatusCode.Internal, StatusCode.Unknown), $"{caller} → {method.FullName}");
            }
            else
            {
                Assert.That(status, Is.EqualTo(refusal), $"{caller} → {method.FullName}");
            }
        }
    }

    [Test]
    public async Task UnknownMethodOrService_IsUnimplementedForAnyone_AsAnUnknownPathIs404()
    {
        // What does not exist is answered as such to anyone, as HTTP answers 404 (docs/security.md, "The order of answers").
        var unknownMethod = new Method<byte[], byte[]>(MethodType.Unary, "coffeeshop.v1.Orders", "DeleteEverything", Bytes, Bytes);
        var unknownService = new Method<byte[], byte[]>(MethodType.Unary, "coffeeshop.v1.Nothing", "Here", Bytes, Bytes);

        Assert.Multiple(async () =>
        {
            Assert.That(await CallAsync(unknownMethod, _callers[Caller.Customer]), Is.EqualTo(StatusCode.Unimplemented));
            Assert.That(await CallAsync(unknownMethod, _callers[Caller.Anonymous]), Is.EqualTo(StatusCode.Unimplemented));
            Assert.That(await CallAsync(unknownService, _callers[Caller.Anonymous]), Is.EqualTo(StatusCode.Unimplemented));
        });
    }

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static bool IsAllowed(Access access, Caller caller) => access switch
    {
        Access.Anyone => true,
        Access.SignedIn => caller != Caller.Anonymous,
        Access.Staff => caller is Caller.Barista or Caller.Admin or Caller.BaristaKey,
        _ => false,
    };

    /// <summary>The gRPC methods the app maps (their unimplemented-method fallbacks aside), as byte-level methods to call.</summary>
    private IEnumerable<Method<byte[], byte[]>> GrpcMethods() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method)
            .OfType<IMethod>()
            .Where(m => !m.Name.Contains("unimplemented", StringComparison.OrdinalIgnoreCase) && m.ServiceName != "{unimplementedService}")
            .Select(m => new Method<byte[], byte[]>(m.Type, m.ServiceName, m.Name, Bytes, Bytes))
            .DistinctBy(m => m.FullName);

    /// <summary>Calls <paramref name="method"/> with an empty message and returns the status it ends with.</summary>
    private async Task<StatusCode> CallAsync(Method<byte[], byte[]> method, Metadata headers)
    {
        var invoker = _channel.CreateCallInvoker();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var options = new CallOptions(headers, cancellationToken: timeout.Token);
        try
        {
            if (method.Type == MethodType.ServerStreaming)
            {
                using var stream = invoker.AsyncServerStreamingCall(method, null, options, []);
                while (await stream.ResponseStream.MoveNext(timeout.Token))
                {
                    // A health watch streams until cancelled: its first message shows the call was let in.
                    if (method.ServiceName.StartsWith("grpc.health", StringComparison.Ordinal))
                    {
                        return StatusCode.OK;
                    }
                }

                return stream.GetStatus().StatusCode;
            }

            using var call = invoker.AsyncUnaryCall(method, null, options, []);
            await call.ResponseAsync;
            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }

    public sealed record Rule(string Service, string Method, Access Access);
}
