namespace AIBridge.Web.Gateway;

/// <summary>An upstream's <c>Retry-After</c>: seconds or an HTTP date.</summary>
public static class RetryAfter
{
    /// <summary>A longer wait is taken as an hour: a key is not lost for days to one odd header.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>How long the upstream asked to wait, or null when it did not say.</summary>
    public static TimeSpan? Of(HttpResponseMessage response, DateTime now)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date.UtcDateTime - now : null);
        return wait is null ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait > Longest ? Longest : wait;
    }
}
