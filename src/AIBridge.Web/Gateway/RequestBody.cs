using AIBridge.Application.Common.Buffers;
using AIBridge.Application.Gateway.Errors;

namespace AIBridge.Web.Gateway;

public static class RequestBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>
    /// Reads the whole body; the error instead when it exceeds <paramref name="limit"/> bytes or
    /// ends before its declared length or arrives too slowly (Kestrel's own checks).
    /// </summary>
    public static async Task<(byte[]? Body, GatewayError? Error)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, GatewayError.TooLarge(limit));
        }

        try
        {
            // A limit configured past the largest array still gets an answer, not an overflow.
            var body = request.ContentLength is { } length && length <= Array.MaxLength
                ? await ReadExactlyAsync(request.Body, (int)length, cancellationToken)
                : await ReadToEndAsync(request.Body, limit, cancellationToken);
            return body is null ? (null, GatewayError.TooLarge(limit)) : (body, null);
        }
        catch (BadHttpRequestException e)
        {
            return (null, Refused(e, limit));
        }
    }

    /// <summary>The answer to a body Kestrel refused while it was read or forwarded.</summary>
    public static GatewayError Refused(BadHttpRequestException e, long limit) => e.StatusCode == StatusCodes.Status413PayloadTooLarge
        ? GatewayError.TooLarge(limit)
        : GatewayError.InvalidBody(e.StatusCode == StatusCodes.Status408RequestTimeout ? "the body was not received in time" : e.Message);

    /// <summary>Kestrel's own body limit (30,000,000 bytes by default) must not undercut the configured one on provider routes.</summary>
    public static void RaiseServerLimit(HttpContext context, long limit)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
    }

    /// <summary>
    /// A declared length is read straight into the array returned, rather than grown in steps and copied
    /// out, which would allocate and zero more than a typical body on every request. Kestrel fails the read
    /// if the client sends less.
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
