using AIBridge.Application.Common.Buffers;

namespace AIBridge.Web.Gateway;

public static class RequestBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Reads the whole body, or returns null as soon as it exceeds <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // A limit configured past the largest array still gets an answer, not an overflow.
        return request.ContentLength is { } length && length <= Array.MaxLength
            ? await ReadExactlyAsync(request.Body, (int)length, cancellationToken)
            : await ReadToEndAsync(request.Body, limit, cancellationToken);
    }

    /// <summary>
    /// A declared length is read straight into the array returned: growing a buffer by 16 KiB steps and
    /// copying it out allocated (and zeroed) 16 KiB more than a typical body on every request. A profile
    /// put 1.2 % of AIBridge's samples in that zeroing; the saving is below what G1 can resolve (0.225
    /// against 0.222 ms per request). Kestrel fails the read if the client sends less.
    /// </summary>
    private static async Task<byte[]> ReadExactlyAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        await body.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }

    /// <summary>A chunked body of unknown length, gathered in a pooled buffer.</summary>
    private static async Task<byte[]?> ReadToEndAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new PooledBuffer();
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(ChunkSize), cancellationToken);
            if (read == 0)
            {
                return buffer.Written.ToArray();
            }

            buffer.Advance(read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }
    }
}
