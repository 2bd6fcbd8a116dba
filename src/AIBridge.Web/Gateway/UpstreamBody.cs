using System.Net;
using AIBridge.Application.Common.Buffers;

namespace AIBridge.Web.Gateway;

/// <summary>
/// A bridged request's body on its way upstream, in a buffer rented from the shared pool. The buffer
/// goes back as soon as the body has been handed to the connection, or when the request ends without
/// sending it (<see cref="Release"/>): a request waiting for a slow provider's answer, or a long stream,
/// must not hold the body, and a body of hundreds of kilobytes must not be a fresh large-object
/// allocation on every request.
/// </summary>
/// <remarks>
/// The body is therefore sent once. Were the handler to send it again (it retries only a request whose
/// pooled connection turned out closed before anything was read back), the request fails and the
/// client gets the gateway's 502, as with any body that cannot be read twice.
/// </remarks>
public sealed class UpstreamBody(PooledBuffer buffer) : HttpContent
{
    private readonly Lock _gate = new();
    private bool _writing;
    private bool _released;

    /// <summary>
    /// The body is no longer needed. A write still under way (an upstream that answered before it read
    /// the whole body) keeps the buffer until it ends, so the pool never hands out an array being sent.
    /// </summary>
    public void Release()
    {
        lock (_gate)
        {
            if (_released)
            {
                return;
            }

            _released = true;
            if (!_writing)
            {
                buffer.Dispose();
            }
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_released, this);
            _writing = true;
        }

        try
        {
            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
        }
        finally
        {
            // Sent or failed, the connection is done with the array.
            lock (_gate)
            {
                _writing = false;
                _released = true;
                buffer.Dispose();
            }
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = buffer.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
        }

        base.Dispose(disposing);
    }
}
