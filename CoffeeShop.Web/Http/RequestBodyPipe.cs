using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace CoffeeShop.Web.Http;

/// <summary>
/// Gives body readers (MVC's JSON input formatter, the form reader) a pipe of the app's own over the request stream,
/// instead of the server's connection pipe. On .NET 10 the JSON formatter deserializes from <c>Request.BodyReader</c>
/// directly; a read it abandons (a body refused mid-way, for its nesting depth, say) or a partly examined buffer that
/// Kestrel's heartbeat then cancels can leave that pipe "reading", and Kestrel's drain of the unread body then fails
/// with "Reading is already in progress" and drops the keep-alive connection. Reading through the stream completes
/// every read on the server's side before the formatter sees the bytes, so whatever the formatter leaves behind is
/// its own pipe's state, which nobody reads again; Kestrel drains the rest of the body as for any unread body.
/// </summary>
internal sealed class RequestBodyPipeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            var pipe = new StreamBodyPipeFeature(context.Request.Body);
            context.Features.Set<IRequestBodyPipeFeature>(pipe);
            context.Response.RegisterForDisposeAsync(pipe);
        }

        return next(context);
    }

    private sealed class StreamBodyPipeFeature(Stream body) : IRequestBodyPipeFeature, IAsyncDisposable
    {
        private PipeReader? _reader;

        public PipeReader Reader => _reader ??= PipeReader.Create(body, new StreamPipeReaderOptions(leaveOpen: true));

        public ValueTask DisposeAsync() => _reader?.CompleteAsync() ?? ValueTask.CompletedTask;
    }
}
