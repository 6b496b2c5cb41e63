using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Security;
using Grpc.Core;

namespace CoffeeShop.Web.Grpc;

/// <summary>
/// Who is calling, read once from the call's authenticated user (bearer token or API key from the metadata): the
/// one place the gRPC services decide identity, staff rights and the idempotency scope.
/// </summary>
internal sealed record GrpcCaller(string? UserId, bool IsStaff, string Scope)
{
    public OrderActor Actor => IsStaff ? OrderActor.Staff : OrderActor.Customer;

    public static GrpcCaller From(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        var userId = CurrentUser.UserIdOf(user);

        // As the JSON API: the token's subject, else the user id (API keys have their own subject).
        var scope = user.FindFirst(TokenClaims.Subject)?.Value ?? userId ?? "anonymous";
        return new GrpcCaller(userId, CurrentUser.IsStaffPrincipal(user), scope);
    }
}
