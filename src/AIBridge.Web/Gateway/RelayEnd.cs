using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;

namespace AIBridge.Web.Gateway;

/// <summary>How a relayed response body ended.</summary>
public enum RelayEnd
{
    /// <summary>The upstream ended its body and the client has all of it.</summary>
    Completed,

    /// <summary>The upstream sent nothing for longer than the idle timeout.</summary>
    UpstreamQuiet,

    /// <summary>The upstream connection broke.</summary>
    UpstreamBroke,

    /// <summary>The client read nothing for longer than the idle timeout.</summary>
    ClientStalled,

    /// <summary>The client went away (the request was aborted).</summary>
    ClientGone,
}

public static class RelayEnds
{
    /// <summary>What a relay that ended so records: <paramref name="sentStatus"/> is the status the client was sent.</summary>
    public static InterceptionOutcome Outcome(this RelayEnd end, HttpResponseMessage upstream, int sentStatus, TimeSpan idleTimeout)
    {
        var status = (int)upstream.StatusCode;
        return end switch
        {
            RelayEnd.Completed when upstream.IsSuccessStatusCode => InterceptionOutcome.Completed(status),
            RelayEnd.Completed => InterceptionOutcome.Failure(status, InterceptionErrors.UpstreamError, $"upstream provider answered {status}"),
            RelayEnd.UpstreamQuiet => InterceptionOutcome.Failure(sentStatus, InterceptionErrors.Timeout,
                $"the upstream response went quiet for longer than {idleTimeout.TotalSeconds:0.###} s"),
            RelayEnd.UpstreamBroke => InterceptionOutcome.Failure(sentStatus, InterceptionErrors.UpstreamDisconnected, "the upstream connection broke during the response"),
            RelayEnd.ClientStalled => InterceptionOutcome.Failure(sentStatus, InterceptionErrors.Timeout,
                $"the client stopped reading for longer than {idleTimeout.TotalSeconds:0.###} s"),
            _ => ClientGone(sentStatus),
        };
    }

    /// <summary>The client left after the response had started.</summary>
    public static InterceptionOutcome ClientGone(int sentStatus) =>
        InterceptionOutcome.Failure(sentStatus, InterceptionErrors.ClientDisconnected, "the client went away during the response");
}
