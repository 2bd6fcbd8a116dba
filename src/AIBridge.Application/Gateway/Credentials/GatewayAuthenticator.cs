using System.Collections.Concurrent;
using AIBridge.Application.ApiKeys;
using AIBridge.Application.ApiKeys.Commands.DeleteApiKey;
using AIBridge.Application.Authentication;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Application.Users.Commands.UpdateUserStatus;
using AIBridge.Domain.ApiKeys;
using Microsoft.Extensions.DependencyInjection;

namespace AIBridge.Application.Gateway.Credentials;

/// <summary>The outcome of authenticating a gateway caller.</summary>
/// <param name="Unavailable">The token could not be checked: the database is down and it was not cached.</param>
/// <param name="KeyUsername">Whose key it was, when the key exists but was refused.</param>
public sealed record GatewayAuthentication(Actor? Actor, string? Failure, bool Unavailable = false, Guid? KeyUserId = null, string? KeyUsername = null);

/// <summary>
/// Validates AIBridge tokens on the gateway's hot path: exactly as the API does, but
/// from an in-process cache of the key's hash, expiry and user, so a request does not wait on the
/// database. A cached key stays usable while the database is unreachable, up to
/// <see cref="AuthCacheOptions.StaleIfErrorSeconds"/>; deleting a key evicts it. Use of a key is
/// recorded through the recorder, never on the request.
/// </summary>
public sealed class GatewayAuthenticator(IServiceScopeFactory scopes, IRecorder recorder, TimeProvider clock, GatewayOptions options)
    : IApiKeyRevocationListener, IUserStatusListener
{
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    public async Task<GatewayAuthentication> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!ApiKeyToken.TryParse(token, out var parsed, out var formatError))
        {
            return new GatewayAuthentication(null, formatError);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        _cache.TryGetValue(parsed!.Id, out var entry);
        if (entry is null || now - entry.FetchedAt > TimeSpan.FromSeconds(options.Auth.CacheSeconds))
        {
            ApiKeyCredential? credential;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                credential = await scope.ServiceProvider.GetRequiredService<IApiKeyRepository>().FindCredentialAsync(parsed.Id, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (entry is null || now - entry.FetchedAt > TimeSpan.FromSeconds(options.Auth.StaleIfErrorSeconds))
                {
                    return new GatewayAuthentication(null, null, Unavailable: true);
                }

                credential = entry.Credential;
            }

            if (credential is null)
            {
                _cache.TryRemove(parsed.Id, out _);
                return new GatewayAuthentication(null, "API key is invalid.");
            }

            if (!ReferenceEquals(credential, entry?.Credential))
            {
                entry = new Entry(credential, now, entry?.LastTouched ?? credential.LastUsed);
                _cache[parsed.Id] = entry;
            }
        }

        var key = entry!.Credential;
        if (ApiKeyCheck.Verify(parsed, key, now) is { } failure)
        {
            return new GatewayAuthentication(null, failure.Reason, KeyUserId: key.UserId, KeyUsername: key.Username);
        }

        if (entry.LastTouched is not { } touched || now - touched >= ApiKeyAuthenticator.TouchInterval)
        {
            entry.LastTouched = now;
            recorder.Enqueue(new ApiKeyUsed(key.Id, key.UserId, now));
        }

        return new GatewayAuthentication(new Actor(key.UserId, key.Username, key.Roles, key.Id), null);
    }

    public void Revoked(string keyId) => _cache.TryRemove(keyId, out _);

    /// <summary>Every cached key of the user goes: its next request reads the new status (in other processes, within the cache's lifetime).</summary>
    public void StatusChanged(Guid userId)
    {
        foreach (var (keyId, entry) in _cache)
        {
            if (entry.Credential.UserId == userId)
            {
                _cache.TryRemove(keyId, out _);
            }
        }
    }

    private sealed class Entry(ApiKeyCredential credential, DateTime fetchedAt, DateTime? lastTouched)
    {
        public ApiKeyCredential Credential { get; } = credential;

        public DateTime FetchedAt { get; } = fetchedAt;

        public DateTime? LastTouched { get; set; } = lastTouched;
    }
}
