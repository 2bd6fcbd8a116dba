using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using AIBridge.Domain.Interceptions;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>Base of gateway tests: a user with a token, the fake provider, and the recorded rows.</summary>
public abstract class GatewayTest(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    protected FakeUpstream Upstream => Fixture.Upstream;

    protected TestUser Owner { get; private set; } = null!;

    protected string Token { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Upstream.Reset();
        Owner = await Api.CreateOwnerAsync();
        Token = await Api.CreateTokenAsync(Owner);
    }

    /// <summary>A raw client with the AIBridge token where an SDK puts its key.</summary>
    protected HttpClient Client(string scheme = "x-api-key")
    {
        var client = Api.Anonymous();
        if (scheme == "x-api-key")
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", Token);
        }
        else
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        return client;
    }

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    protected Uri Gateway(string path) => new(Fixture.Factory.ClientOptions.BaseAddress, "/api/v2/aibridge/" + path);

    /// <summary>Waits until the writer has stored the interception as ended, and returns it with every child row.</summary>
    protected async Task<Interception> RecordedAsync(Guid id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = Fixture.CreateDbContext();
            var found = await db.Interceptions.AsNoTracking()
                .Include(i => i.TokenUsages).Include(i => i.UserPrompts).Include(i => i.ToolUsages).Include(i => i.ModelThoughts)
                .FirstOrDefaultAsync(i => i.Id == id && i.EndedAt != null);
            if (found is not null)
            {
                found.ToolUsages = found.ToolUsages.OrderBy(t => t.CreatedAt).ThenBy(t => t.ProviderToolCallId).ToList();
                return found;
            }

            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), $"interception {id} should be recorded");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// The test's one interception stored as ended (through <paramref name="providerName"/> when named), for a
    /// call made by an SDK that does not show the response's headers.
    /// </summary>
    protected async Task<Guid> EndedInterceptionIdAsync(string? providerName = null)
    {
        var ids = await WaitAsync(async () =>
        {
            await using var db = Fixture.CreateDbContext();
            return await db.Interceptions.Where(i => i.EndedAt != null && (providerName == null || i.ProviderName == providerName)).Select(i => i.Id).ToListAsync();
        }, ids => ids.Count > 0);
        return ids.Single();
    }

    /// <summary>Reads until <paramref name="done"/> holds, failing after 30 s with the last value read.</summary>
    protected static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                done(value).Should().BeTrue($"it did not happen within 30 s; last seen: {value}");
                return value;
            }

            await Task.Delay(50);
        }
    }

    protected static Guid InterceptionId(HttpResponseMessage response) =>
        Guid.Parse(response.Headers.GetValues("X-AIBridge-Interception-Id").Single());
}
