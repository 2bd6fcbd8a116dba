using System.Diagnostics;
using System.Diagnostics.Metrics;
using AIBridge.Application.Gateway.Parsing;
using AIBridge.Application.Gateway.Recording;

namespace AIBridge.Application.Gateway.Telemetry;

/// <summary>
/// The gateway's instruments, on meter <c>AIBridge.Gateway</c>, named as Prometheus shows them so that
/// dashboards and alert rules written for them carry over. Every method is a few lock-free additions:
/// they run on the relay's path.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "AIBridge.Gateway";

    private static readonly double[] DurationBuckets = [0.5, 2, 5, 15, 30, 60, 120];
    private static readonly double[] TtfbBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

    private readonly Meter _meter = new(MeterName);
    private readonly bool _perUser;
    private readonly Counter<long> _interceptions;
    private readonly UpDownCounter<long> _inflight;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _ttfb;
    private readonly Counter<long> _passthrough;
    private readonly Counter<long> _prompts;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _cost;
    private readonly Counter<long> _toolSelections;
    private readonly Counter<long> _rateLimited;
    private readonly Gauge<double> _breakerState;
    private readonly Counter<long> _breakerTrips;
    private readonly Counter<long> _breakerRejects;
    private readonly Counter<long> _keyFailovers;

    /// <param name="providers">Each provider's name, type and status, read at every scrape.</param>
    /// <param name="keyPools">How many keys of each provider's pool are in each state, read at every scrape.</param>
    public GatewayMetrics(MetricsOptions options, Func<IEnumerable<(string Name, string Type, string Status)>> providers,
        Func<IEnumerable<(string Provider, string State, int Count)>>? keyPools = null)
    {
        _perUser = options.PerUserLabels;
        _interceptions = _meter.CreateCounter<long>("aibridge_interceptions_total", description: "Bridged requests ended, by status (completed or failed).");
        _inflight = _meter.CreateUpDownCounter<long>("aibridge_interceptions_inflight", description: "Bridged requests in progress.");
        _duration = _meter.CreateHistogram("aibridge_interceptions_duration_seconds", "s", "From receipt to the last byte relayed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _ttfb = _meter.CreateHistogram("aibridge_interceptions_ttfb_seconds", "s", "From receipt to the provider's first response byte.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TtfbBuckets });
        _passthrough = _meter.CreateCounter<long>("aibridge_passthrough_total", description: "Requests relayed unrecorded (models, token counts, ...).");
        _prompts = _meter.CreateCounter<long>("aibridge_prompts_total", description: "Bridged requests that carried a human prompt.");
        _tokens = _meter.CreateCounter<long>("aibridge_tokens_total", description: "Tokens the providers reported, by type.");
        _cost = _meter.CreateCounter<long>("aibridge_cost_micros_total", description: "Cost of the reported tokens at the prices in force, in micro-USD; unpriced usage adds nothing.");
        _toolSelections = _meter.CreateCounter<long>("aibridge_non_injected_tool_selections_total", description: "Tool calls the model made to the client's tools.");
        _rateLimited = _meter.CreateCounter<long>("aibridge_rate_limited_total", description: "Requests refused before the upstream call, by reason (budget, rate, concurrency).");
        _breakerState = _meter.CreateGauge<double>("aibridge_circuit_breaker_state", description: "0 closed, 0.5 half-open, 1 open.");
        _breakerTrips = _meter.CreateCounter<long>("aibridge_circuit_breaker_trips_total", description: "Times a circuit breaker opened.");
        _breakerRejects = _meter.CreateCounter<long>("aibridge_circuit_breaker_rejects_total", description: "Requests refused by an open circuit breaker.");
        _meter.CreateObservableGauge("aibridge_provider_info", () => providers().Select(p => new Measurement<int>(1,
            new KeyValuePair<string, object?>("provider_name", p.Name), new KeyValuePair<string, object?>("provider_type", p.Type),
            new KeyValuePair<string, object?>("status", p.Status))), description: "One series per provider, always 1.");
        _keyFailovers = _meter.CreateCounter<long>("aibridge_key_pool_failovers_total",
            description: "Times a pooled key was left for the next one, by reason (rate_limited, unauthorized).");
        _meter.CreateObservableGauge("aibridge_key_pool_state", () => (keyPools?.Invoke() ?? []).Select(p => new Measurement<int>(p.Count,
            new KeyValuePair<string, object?>("provider", p.Provider), new KeyValuePair<string, object?>("state", p.State))),
            description: "Keys of each provider's pool in each state (valid, cooldown, permanent), in this process.");
    }

    public void KeyFailover(string provider, string reason) =>
        _keyFailovers.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("reason", reason));

    public void InterceptionStarted(UsageKey key, string route) => _inflight.Add(1, Inflight(key, route));

    /// <param name="ttfb">Null when no response arrived.</param>
    public void InterceptionEnded(UsageKey key, string route, string method, bool failed, TimeSpan duration, TimeSpan? ttfb)
    {
        _inflight.Add(-1, Inflight(key, route));
        var tags = PerUser(key, new TagList
        {
            { "provider", key.ProviderName }, { "model", key.Model }, { "status", failed ? "failed" : "completed" }, { "route", route }, { "method", method },
            { "client", key.Client },
        });
        _interceptions.Add(1, tags);
        var byModel = new TagList { { "provider", key.ProviderName }, { "model", key.Model } };
        _duration.Record(duration.TotalSeconds, byModel);
        if (ttfb is { } first)
        {
            _ttfb.Record(first.TotalSeconds, byModel);
        }
    }

    public void Passthrough(string provider, string route, string method) =>
        _passthrough.Add(1, new TagList { { "provider", provider }, { "route", route }, { "method", method } });

    public void Prompt(UsageKey key) => _prompts.Add(1, Usage(key));

    /// <param name="costMicros">Null when the model has no price: then no cost is added.</param>
    public void Usage(UsageKey key, ParsedUsage usage, long? costMicros)
    {
        var tags = Usage(key);
        AddTokens(tags, "input", usage.Input);
        AddTokens(tags, "output", usage.Output);
        AddTokens(tags, "cache_read_input_tokens", usage.CacheRead);
        AddTokens(tags, "cache_write_input_tokens", usage.CacheWrite);
        foreach (var (type, count) in usage.Metadata)
        {
            AddTokens(tags, type, count);
        }

        if (costMicros is > 0)
        {
            _cost.Add(costMicros.Value, tags);
        }
    }

    public void ToolSelected(UsageKey key, string tool) =>
        _toolSelections.Add(1, new TagList { { "provider", key.ProviderName }, { "model", key.Model }, { "name", tool } });

    /// <param name="reason"><c>budget</c>, <c>rate</c> or <c>concurrency</c>.</param>
    public void RateLimited(string provider, string reason) => _rateLimited.Add(1, new TagList { { "provider", provider }, { "reason", reason } });

    /// <param name="state">0 closed, 0.5 half-open, 1 open.</param>
    public void BreakerState(string provider, string endpoint, string model, double state) =>
        _breakerState.Record(state, Breaker(provider, endpoint, model));

    public void BreakerTripped(string provider, string endpoint, string model) => _breakerTrips.Add(1, Breaker(provider, endpoint, model));

    public void BreakerRejected(string provider, string endpoint, string model) => _breakerRejects.Add(1, Breaker(provider, endpoint, model));

    public void Dispose() => _meter.Dispose();

    /// <param name="usage">The usage's labels, copied (a struct) before the type is added.</param>
    private void AddTokens(TagList usage, string type, long count)
    {
        if (count > 0)
        {
            usage.Add("type", type);
            _tokens.Add(count, usage);
        }
    }

    private static TagList Inflight(UsageKey key, string route) =>
        new() { { "provider", key.ProviderName }, { "model", key.Model }, { "route", route } };

    private TagList Usage(UsageKey key) =>
        PerUser(key, new TagList { { "provider", key.ProviderName }, { "model", key.Model }, { "client", key.Client } });

    private TagList PerUser(UsageKey key, TagList tags)
    {
        if (_perUser)
        {
            tags.Add("initiator_id", key.InitiatorId.ToString());
        }

        return tags;
    }

    private static TagList Breaker(string provider, string endpoint, string model) =>
        new() { { "provider", provider }, { "endpoint", endpoint }, { "model", model } };
}
