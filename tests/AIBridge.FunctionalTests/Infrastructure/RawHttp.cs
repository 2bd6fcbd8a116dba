using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>A response read off the socket: status (0 when none came), header block and body text.</summary>
public sealed record RawResponse(int Status, string Headers, string Body);

/// <summary>
/// HTTP/1.1 over a plain socket, for request targets and bodies that HttpClient would normalise or
/// refuse to send: encoded dot segments, backslashes, a Content-Length the body never reaches.
/// </summary>
public static class RawHttp
{
    /// <param name="server">The server's base address (only its port is used).</param>
    /// <param name="method">The request method.</param>
    /// <param name="target">The request target, sent exactly as given.</param>
    /// <param name="headers">Header lines, <c>Name: value</c>.</param>
    /// <param name="body">The body bytes sent, if any.</param>
    /// <param name="declaredLength">The Content-Length sent; the body's length when null.</param>
    /// <param name="closeSendSide">Half-closes the connection after the body, as a client that gave up sending would.</param>
    public static async Task<RawResponse> SendAsync(Uri server, string method, string target, IEnumerable<string> headers, byte[]? body = null,
        long? declaredLength = null, bool closeSendSide = false)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, server.Port);
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        if (body is not null)
        {
            head.Append("Content-Length: ").Append(declaredLength ?? body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        await socket.SendAsync(Encoding.Latin1.GetBytes(head.ToString()));
        if (body is not null)
        {
            await socket.SendAsync(body);
        }

        if (closeSendSide)
        {
            socket.Shutdown(SocketShutdown.Send);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException)
        {
            // The server may reset the connection, after answering or instead of it (a body it refused unread).
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerBlock = split < 0 ? text : text[..split];
        var status = headerBlock.Length == 0 ? 0 : int.Parse(headerBlock.Split(' ', 3)[1], CultureInfo.InvariantCulture);
        return new RawResponse(status, headerBlock, split < 0 ? "" : text[(split + 4)..]);
    }
}
