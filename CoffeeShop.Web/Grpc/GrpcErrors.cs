using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.ErrorHandling;
using CoffeeShop.Web.Validation;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CoffeeShop.Web.Grpc;

/// <summary>
/// The one place where a failure becomes a gRPC status (the JSON API's counterpart is <see cref="ApiExceptionHandler"/>):
/// validation → INVALID_ARGUMENT with <c>google.rpc.BadRequest</c> field violations named as the JSON API's
/// <c>errors</c> keys, NOT_FOUND, a refused status move → FAILED_PRECONDITION, a reused idempotency key →
/// ALREADY_EXISTS, a stale write → ABORTED, anything unexpected → INTERNAL with a fixed sentence.
/// </summary>
internal static class GrpcErrors
{
    public const string InternalMessage = "Something went wrong on our side. Quote the trace id if you contact us.";

    /// <summary>The status for <paramref name="exception"/>, or null when it is not a failure this maps (let it through).</summary>
    public static RpcException? ToRpcException(Exception exception) => exception switch
    {
        RpcException => null,
        // The domain's key as the JSON API names it, nested paths included: Lines[1].Options[0].Code → lines[1].options[0].code.
        DomainValidationException invalid => InvalidArgument(invalid.Message, [(FieldNames.ToJson(invalid.Key), invalid.Message)]),
        RequestValidationException invalid => InvalidArgument(
            "One or more validation errors occurred.",
            [.. invalid.Errors.SelectMany(e => e.Value.Select(message => (e.Key, message)))]),
        NotFoundException notFound => Rich(Code.NotFound, notFound.Message),

        // The only conflicts the gRPC methods meet are refused status moves (a clash of two 128-bit order codes aside).
        ConflictException refused => Rich(Code.FailedPrecondition, refused.Message),
        IdempotencyKeyReusedException reused => Rich(Code.AlreadyExists, reused.Message.Replace("Idempotency-Key", "idempotency_key", StringComparison.Ordinal)),
        ConcurrencyException stale => Rich(Code.Aborted, stale.Message),
        DomainException domain => InvalidArgument(domain.Message, []),
        _ => Rich(Code.Internal, InternalMessage),
    };

    /// <summary>INVALID_ARGUMENT for one field; for checks made at the gRPC edge (page tokens, idempotency keys).</summary>
    public static RpcException InvalidField(string field, string message) => InvalidArgument(message, [(field, message)]);

    private static RpcException InvalidArgument(string message, IReadOnlyList<(string Field, string Message)> violations)
    {
        var badRequest = new BadRequest();
        foreach (var (field, description) in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }

        return Rich(Code.InvalidArgument, message, badRequest);
    }

    private static RpcException Rich(Code code, string message, BadRequest? details = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (details is not null)
        {
            status.Details.Add(Any.Pack(details));
        }

        return status.ToRpcException();
    }
}
