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
/// A body made <c>resendable</c> (a provider with a key pool may send it again with the next key) keeps
/// its buffer until <see cref="Release"/>; each further attempt sends a <see cref="Resend"/> view of it.
/// A single-shot body is sent once: were the handler to send it again (it retries only a request whose
/// pooled connection turned out closed before anything was read back), the request fails and the client
/// gets the gateway's 502, as with any body that cannot be read twice.
/// </remarks>
public sealed class UpstreamBody : HttpContent
{
    private readonly PooledBuffer _buffer;
    private readonly UpstreamBody _owner;
    private readonly bool _keep;
    private readonly Lock _gate = new();
    private int _writing;
    private bool _released;
    private bool _returned;

    public UpstreamBody(PooledBuffer buffer, bool resendable = false) => (_buffer, _owner, _keep) = (buffer, this, resendable);

    private UpstreamBody(UpstreamBody owner) => (_buffer, _owner, _keep) = (owner._buffer, owner, true);

    /// <summary>The body's bytes, valid until it is released.</summary>
    public ReadOnlyMemory<byte> Bytes => _buffer.WrittenMemory;

    /// <summary>A new content over the same bytes, for another attempt; the buffer stays this body's to release.</summary>
    public UpstreamBody Resend() => new(_owner);

    /// <summary>
    /// The body is no longer needed. A write still under way (an upstream that answered before it read
    /// the whole body) keeps the buffer until it ends, so the pool never hands out an array being sent.
    /// </summary>
    public void Release()
    {
        lock (_owner._gate)
        {
            _owner._released = true;
            _owner.ReturnIfDone();
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        lock (_owner._gate)
        {
            ObjectDisposedException.ThrowIf(_owner._released, this);
            _owner._writing++;
        }

        try
        {
            await stream.WriteAsync(_buffer.WrittenMemory, cancellationToken);
        }
        finally
        {
            // Sent or failed, the connection is done with the array; a single-shot body needs it no more.
            lock (_owner._gate)
            {
                _owner._writing--;
                _owner._released |= !_keep;
                _owner.ReturnIfDone();
            }
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _buffer.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        // The request message disposes its content; only a single-shot body is done with then.
        if (disposing && !_keep)
        {
            Release();
        }

        base.Dispose(disposing);
    }

    private void ReturnIfDone()
    {
        if (_released && _writing == 0 && !_returned)
        {
            _returned = true;
            _buffer.Dispose();
        }
    }
}
