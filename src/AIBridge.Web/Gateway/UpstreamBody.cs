using System.Net;
using AIBridge.Application.Common.Buffers;

namespace AIBridge.Web.Gateway;

/// <summary>
/// A bridged request's body on its way upstream, in a buffer rented from the shared pool. The buffer
/// goes back as soon as the upstream has answered (<see cref="Release"/>), not when the response ends:
/// a long stream must not hold the request it answers, and a body of hundreds of kilobytes must not be
/// a fresh large-object allocation on every request.
/// </summary>
public sealed class UpstreamBody(PooledBuffer buffer) : HttpContent
{
    private readonly Lock _gate = new();
    private bool _writing;
    private bool _released;

    public int Length => buffer.Length;

    /// <summary>
    /// The body is no longer needed: once the response headers are in, the handler sends it no more.
    /// A write still under way (an upstream that answered before it read the whole body) keeps the
    /// buffer until it ends, so the pool never hands out an array being sent.
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
            lock (_gate)
            {
                _writing = false;
                if (_released)
                {
                    buffer.Dispose();
                }
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
