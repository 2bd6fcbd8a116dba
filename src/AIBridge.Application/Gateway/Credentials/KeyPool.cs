using AIBridge.Application.Gateway.Errors;

namespace AIBridge.Application.Gateway.Credentials;

/// <summary>
/// A stored provider's keys, tried in order: a request starts with the first usable one and, before any
/// byte of the answer is relayed, moves on when the upstream answers 429 (the key cools down) or 401
/// (the key is out until the provider's keys change). The states live in this process only.
/// </summary>
public sealed class KeyPool
{
    public KeyPool(string provider, string kind, IEnumerable<(Guid Id, string Key)> keys)
    {
        Provider = provider;
        Keys = keys.Select((k, i) => new PooledKey(k.Id, i, kind, k.Key)).ToArray();
    }

    /// <summary>How long a key rests after a 429 that says nothing of when to come back.</summary>
    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromSeconds(30);

    public string Provider { get; }

    public IReadOnlyList<PooledKey> Keys { get; }

    /// <summary>The first usable key not yet <paramref name="tried"/> by this request, or null when none is left.</summary>
    public PooledKey? Next(DateTime now, IReadOnlySet<int>? tried = null) =>
        Keys.FirstOrDefault(k => k.State(now) == KeyStates.Valid && tried?.Contains(k.Index) != true);

    /// <summary>
    /// The answer when no key is usable: 429 with the wait until the first cooling key is back, or 502
    /// when every key was refused as invalid.
    /// </summary>
    public GatewayError Exhausted(DateTime now)
    {
        var back = Keys.Select(k => k.CooldownUntil(now)).Where(t => t is not null).Min();
        return back is { } until
            ? GatewayError.KeysCoolingDown(Provider, Math.Max(1, (long)Math.Ceiling((until - now).TotalSeconds)))
            : GatewayError.NoValidKey(Provider);
    }

    /// <summary>How many keys are in each state now, for <c>aibridge_key_pool_state</c>.</summary>
    public IEnumerable<(string State, int Count)> Census(DateTime now) =>
        KeyStates.All.Select(state => (state, Keys.Count(k => k.State(now) == state)));
}

/// <summary>One key of a pool and its state in this process.</summary>
public sealed class PooledKey
{
    private long _cooldownUntil;
    private int _invalid;

    public PooledKey(Guid id, int index, string kind, string key)
    {
        (Id, Index) = (id, index);
        Credential = UpstreamCredential.Central(kind, key) with { Key = this };
    }

    public Guid Id { get; }

    public int Index { get; }

    /// <summary>The header that carries this key upstream.</summary>
    public UpstreamCredential Credential { get; }

    public string State(DateTime now) =>
        Volatile.Read(ref _invalid) == 1 ? KeyStates.Permanent : Volatile.Read(ref _cooldownUntil) > now.Ticks ? KeyStates.Cooldown : KeyStates.Valid;

    /// <summary>When the key's cooldown ends, or null when it is not cooling down.</summary>
    public DateTime? CooldownUntil(DateTime now)
    {
        var until = Volatile.Read(ref _cooldownUntil);
        return Volatile.Read(ref _invalid) == 0 && until > now.Ticks ? new DateTime(until, DateTimeKind.Utc) : null;
    }

    /// <summary>The upstream answered 429: the key rests until <paramref name="until"/> (a later cooldown already set stays).</summary>
    public void CoolDown(DateTime until)
    {
        long current;
        do
        {
            current = Volatile.Read(ref _cooldownUntil);
            if (current >= until.Ticks)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _cooldownUntil, until.Ticks, current) != current);
    }

    /// <summary>The upstream answered 401: the key is not used again until the provider's keys change.</summary>
    public void Invalidate() => Volatile.Write(ref _invalid, 1);
}

public static class KeyStates
{
    public const string Valid = "valid";
    public const string Cooldown = "cooldown";
    public const string Permanent = "permanent";

    public static readonly IReadOnlyList<string> All = [Valid, Cooldown, Permanent];
}
