using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CoffeeShop.Web.Grpc;

/// <summary>Turns the failures of every gRPC method into statuses through <see cref="GrpcErrors"/>, and logs the unexpected ones.</summary>
internal sealed partial class GrpcExceptionInterceptor(ILogger<GrpcExceptionInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (Translate(exception, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (Translate(exception, context) is { } status)
        {
            throw status;
        }
    }

    private RpcException? Translate(Exception exception, ServerCallContext context)
    {
        // A call the client gave up on ends as CANCELLED; that is gRPC's own business.
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var status = GrpcErrors.ToRpcException(exception);
        if (status?.StatusCode == StatusCode.Internal)
        {
            LogUnexpected(exception, context.Method);
        }

        return status;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in gRPC method {Method}")]
    private partial void LogUnexpected(Exception exception, string method);
}
