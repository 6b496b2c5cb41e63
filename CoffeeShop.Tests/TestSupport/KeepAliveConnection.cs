using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>
/// One HTTP/1.1 connection to a server on a real socket, kept alive across requests, for what HttpClient hides: whether
/// the server kept the connection after an answer. Requests are written byte for byte; answers are read as framed
/// (Content-Length or chunked). A connection the server closed shows as <see cref="IOException"/> on the next request.
/// </summary>
public sealed class KeepAliveConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly string _authority;
    private readonly List<byte> _buffer = [];

    private KeepAliveConnection(TcpClient tcp, string authority)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _authority = authority;
    }

    /// <summary>How much of a body each write carries: a client on a real network sends a body in pieces.</summary>
    public int SegmentBytes { get; set; } = int.MaxValue;

    /// <summary>A pause after the first piece of a body, as a slow client makes: the server waits for the rest meanwhile.</summary>
    public TimeSpan? PauseAfterFirstSegment { get; set; }

    /// <summary>True to send bodies with chunked transfer encoding, as a streaming client does, instead of a Content-Length.</summary>
    public bool Chunked { get; set; }

    /// <summary>The local port: the same port on every answer means the same connection served it.</summary>
    public int LocalPort => ((IPEndPoint)_tcp.Client.LocalEndPoint!).Port;

    public static async Task<KeepAliveConnection> OpenAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, cancellationToken);
        return new KeepAliveConnection(tcp, baseAddress.Authority);
    }

    /// <summary>Sends one request (the body in pieces of <see cref="SegmentBytes"/>) and reads its whole answer.</summary>
    public async Task<WireAnswer> SendAsync(
        string method, string path, IReadOnlyDictionary<string, string>? headers, byte[]? body, CancellationToken cancellationToken)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\nHost: {_authority}\r\n");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (body is not null && Chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
        }
        else if (body is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }

        head.Append("\r\n");
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        var sent = 0;
        while (body is not null && sent < body.Length)
        {
            var piece = Math.Min(SegmentBytes, body.Length - sent);
            if (Chunked)
            {
                await _stream.WriteAsync(Encoding.ASCII.GetBytes($"{piece:x}\r\n"), cancellationToken);
            }

            await _stream.WriteAsync(body.AsMemory(sent, piece), cancellationToken);
            if (Chunked)
            {
                await _stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
            }

            await _stream.FlushAsync(cancellationToken);
            sent += piece;
            if (PauseAfterFirstSegment is { } pause && sent == piece)
            {
                await Task.Delay(pause, cancellationToken);
            }
        }

        if (body is not null && Chunked)
        {
            await _stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
        }

        return await ReadAnswerAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private async Task<WireAnswer> ReadAnswerAsync(CancellationToken cancellationToken)
    {
        var headerEnd = await FillUntilAsync(() => IndexOf("\r\n\r\n"u8), cancellationToken);
        var lines = Encoding.ASCII.GetString(Take(headerEnd + 4).ToArray(), 0, headerEnd).Split("\r\n");
        var status = (HttpStatusCode)int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var fields = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);

        byte[] content;
        if (fields.TryGetValue("Content-Length", out var length))
        {
            var count = int.Parse(length, CultureInfo.InvariantCulture);
            await FillUntilAsync(() => _buffer.Count >= count ? count : -1, cancellationToken);
            content = Take(count).ToArray();
        }
        else if (fields.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            content = await ReadChunksAsync(cancellationToken);
        }
        else
        {
            content = [];
        }

        return new WireAnswer(status, fields, Encoding.UTF8.GetString(content));
    }

    private async Task<byte[]> ReadChunksAsync(CancellationToken cancellationToken)
    {
        var content = new List<byte>();
        while (true)
        {
            var lineEnd = await FillUntilAsync(() => IndexOf("\r\n"u8), cancellationToken);
            var size = int.Parse(Encoding.ASCII.GetString(Take(lineEnd + 2).ToArray(), 0, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            await FillUntilAsync(() => _buffer.Count >= size + 2 ? size : -1, cancellationToken);
            content.AddRange(Take(size + 2).Take(size));
            if (size == 0)
            {
                return [.. content];
            }
        }
    }

    /// <summary>Reads from the socket until <paramref name="found"/> returns a position; a closed connection throws.</summary>
    private async Task<int> FillUntilAsync(Func<int> found, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        while (found() is var at && at < 0)
        {
            var read = await _stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The server closed the connection.");
            }

            _buffer.AddRange(chunk.AsSpan(0, read));
        }

        return found();
    }

    private int IndexOf(ReadOnlySpan<byte> marker) => _buffer.ToArray().AsSpan().IndexOf(marker);

    private List<byte> Take(int count)
    {
        var taken = _buffer.GetRange(0, count);
        _buffer.RemoveRange(0, count);
        return taken;
    }
}

/// <summary>An answer read off the wire: status, headers (any letter case), body as text.</summary>
public sealed record WireAnswer(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string Body);
