using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Operations;

/// <summary>
/// SIGTERM while an order is half-way through its request: the app stops taking work but finishes that request,
/// answers 201, exits cleanly, and the order is there after a restart.
/// </summary>
[Category(TestCategories.Integration)]
[NonParallelizable]
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Sigterm_DuringAnOrderRequest_FinishesItThenExitsCleanly()
    {
        using var database = new ScratchDatabase("shutdown");
        var settings = AppProcess.SharedSettings(database.Path);

        // The lines that show the request has started and the shutdown has begun.
        settings["Serilog__MinimumLevel__Override__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        settings["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Information";
        int orderId;
        await using (var app = await AppProcess.StartAsync(settings, CancellationToken.None))
        {
            var token = await app.AdminTokenAsync();
            var body = new HeldBackContent(Encoding.UTF8.GetBytes("""{"customerName":"Last orders","lines":[{"menuItemId":3,"quantity":2}]}"""));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/orders", UriKind.Relative)) { Content = body };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var sending = app.Client.SendAsync(request);

            await body.FirstHalfSent.WaitAsync(Patience);
            await app.WaitForOutputAsync(line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains("/api/v1/orders", StringComparison.Ordinal), Patience);
            await app.TerminateAsync();
            await app.WaitForOutputAsync(line => line.Contains("Application is shutting down", StringComparison.Ordinal), Patience);
            body.SendTheRest();

            using var response = await sending.WaitAsync(Patience);
            var exitCode = await app.WaitForExitAsync(Patience);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the request in flight is finished, not dropped");
            Assert.That(exitCode, Is.EqualTo(0), app.Output);
            orderId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        }

        await using var restarted = await AppProcess.StartAsync(settings, CancellationToken.None);
        using var check = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/orders/{orderId}", UriKind.Relative));
        check.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await restarted.AdminTokenAsync());
        using var found = await restarted.Client.SendAsync(check);
        Assert.That(found.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the order confirmed during shutdown is on disk");
    }

    /// <summary>A JSON body sent in two halves: the second only when the test says so, to hold a request in flight.</summary>
    private sealed class HeldBackContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _firstHalfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBackContent(byte[] body)
        {
            _body = body;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public Task FirstHalfSent => _firstHalfSent.Task;

        public void SendTheRest() => _rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = _body.Length / 2;
            await stream.WriteAsync(_body.AsMemory(0, half));
            await stream.FlushAsync();
            _firstHalfSent.TrySetResult();
            await _rest.Task;
            await stream.WriteAsync(_body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
