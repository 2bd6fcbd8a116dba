using AIBridge.Application.Common.Buffers;
using AIBridge.Application.Gateway.Errors;

namespace AIBridge.Web.Gateway;

public static class RequestBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>
    /// Reads the whole body into a pooled buffer, which the caller owns; the error instead when it exceeds
    /// <paramref name="limit"/> bytes or ends before its declared length or arrives too slowly (Kestrel's
    /// own checks).
    /// </summary>
    public static async Task<(PooledBuffer? Body, GatewayError? Error)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, GatewayError.TooLarge(limit));
        }

        var buffer = new PooledBuffer();
        try
        {
            // A limit configured past the largest array still gets an answer, not an overflow.
            var complete = request.ContentLength is { } length && length <= Array.MaxLength
                ? await ReadExactlyAsync(request.Body, buffer, (int)length, cancellationToken)
                : await ReadToEndAsync(request.Body, buffer, limit, cancellationToken);
            if (complete)
            {
                (var body, buffer) = (buffer, null);
                return (body, null);
            }

            return (null, GatewayError.TooLarge(limit));
        }
        catch (BadHttpRequestException e)
        {
            return (null, Refused(e, limit));
        }
        finally
        {
            buffer?.Dispose();
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

    /// <summary>A declared length is read straight into an array of that size; Kestrel fails the read if the client sends less.</summary>
    private static async Task<bool> ReadExactlyAsync(Stream body, PooledBuffer buffer, int length, CancellationToken cancellationToken)
    {
        await body.ReadExactlyAsync(buffer.GetMemory(length)[..length], cancellationToken);
        buffer.Advance(length);
        return true;
    }

    /// <summary>A chunked body of unknown length, grown in steps; false past the limit.</summary>
    private static async Task<bool> ReadToEndAsync(Stream body, PooledBuffer buffer, long limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(ChunkSize), cancellationToken);
            if (read == 0)
            {
                return true;
            }

            buffer.Advance(read);
            if (buffer.Length > limit)
            {
                return false;
            }
        }
    }
}
