using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>
/// Live-update clients for tests: SignalR connections to <c>/hubs/orders</c> over the in-memory test server (or a
/// real socket), a recorder of what the hub pushes, and a reader of Server-Sent Events.
/// </summary>
public static class LiveClients
{
    public const string HubPath = "/hubs/orders";

    /// <summary>
    /// A hub connection over the test server's in-memory WebSocket. A token goes in the <c>access_token</c> query
    /// string, as a browser sends it; <paramref name="headers"/> (an API key, a cookie) go on the handshake.
    /// </summary>
    public static HubConnection CreateHubConnection(this CoffeeShopWebFactory factory, string? token = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var server = factory.Server;
        var url = new Uri(server.BaseAddress, HubPath + (token is null ? string.Empty : "?access_token=" + Uri.EscapeDataString(token)));
        return new HubConnectionBuilder()
            .WithUrl(url, HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                        {
                            request.Headers[name] = value;
                        }
                    };
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
    }

    /// <summary>
    /// A hub connection to a real server (Kestrel on loopback) over WebSockets only, negotiating first as a browser
    /// does; a token goes in the <c>access_token</c> query string, as a browser sends it.
    /// </summary>
    public static HubConnection CreateHubConnection(Uri baseAddress, string? token = null) =>
        new HubConnectionBuilder()
            .WithUrl(
                new Uri(baseAddress, HubPath + (token is null ? string.Empty : "?access_token=" + Uri.EscapeDataString(token))),
                HttpTransportType.WebSockets)
            .Build();

    /// <summary>Records every orderPlaced and orderUpdated the connection receives, in order.</summary>
    public static LiveRecorder Record(this HubConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var recorder = new LiveRecorder();
        connection.On<JsonElement>("orderPlaced", order => recorder.Add("orderPlaced", order));
        connection.On<JsonElement>("orderUpdated", order => recorder.Add("orderUpdated", order));
        return recorder;
    }

    /// <summary>Reads Server-Sent Events from a response body.</summary>
    public static ServerSentEventReader ReadEvents(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new ServerSentEventReader(response.Content.ReadAsStream());
    }
}

/// <summary>What a hub connection was sent: the message name and the order.</summary>
public sealed record LiveMessage(string Method, JsonElement Order)
{
    public int OrderId => Order.GetProperty("id").GetInt32();

    public string Status => Order.GetProperty("status").GetString()!;

    public override string ToString() => $"{Method} #{OrderId} {Status}";
}

/// <summary>A queue of the messages a connection received; <see cref="NextAsync"/> waits for the next one, with a timeout.</summary>
public sealed class LiveRecorder
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<LiveMessage> _messages = Channel.CreateUnbounded<LiveMessage>();

    public void Add(string method, JsonElement order) => _messages.Writer.TryWrite(new LiveMessage(method, order.Clone()));

    public async Task<LiveMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await _messages.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No live message arrived in time.");
        }
    }

    /// <summary>Whatever has arrived and not been read yet, without waiting.</summary>
    public IReadOnlyList<LiveMessage> Pending()
    {
        var pending = new List<LiveMessage>();
        while (_messages.Reader.TryRead(out var message))
        {
            pending.Add(message);
        }

        return pending;
    }
}

/// <summary>One Server-Sent Event, or a comment line (<see cref="Comment"/> set, the rest empty).</summary>
public sealed record ServerSentEvent(string? Event, string? Id, string Data, string? Comment = null)
{
    public bool IsComment => Comment is not null;

    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    public int VersionId => int.Parse(Id!, CultureInfo.InvariantCulture);
}

/// <summary>Parses <c>text/event-stream</c> as it arrives. <see cref="NextAsync"/> returns null at the end of the stream.</summary>
public sealed class ServerSentEventReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    public async Task<ServerSentEvent?> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? LiveRecorder.DefaultTimeout);
        string? name = null, id = null, comment = null;
        var data = new StringBuilder();
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No server-sent event arrived in time.");
            }

            if (line is null)
            {
                return name is null && comment is null && data.Length == 0 ? null : new ServerSentEvent(name, id, data.ToString(), comment);
            }

            if (line.Length == 0)
            {
                if (name is null && comment is null && data.Length == 0)
                {
                    continue;
                }

                return new ServerSentEvent(name, id, data.ToString(), comment);
            }

            if (line.StartsWith(':'))
            {
                comment = line[1..].Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "event":
                    name = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "data":
                    data.Append(data.Length > 0 ? "\n" : string.Empty).Append(value);
                    break;
            }
        }
    }

    /// <summary>The next event that is not a comment.</summary>
    public async Task<ServerSentEvent?> NextEventAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var next = await NextAsync(timeout);
            if (next is null || !next.IsComment)
            {
                return next;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
