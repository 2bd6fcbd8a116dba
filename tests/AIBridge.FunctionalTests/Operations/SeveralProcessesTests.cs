using System.Diagnostics;
using System.Net;
using System.Text;
using AIBridge.Domain.Interceptions;
using AIBridge.FunctionalTests.Gateway;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Retention;
using AIBridge.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>
/// Several AIBridge processes on one PostgreSQL database, behind nginx, as operators scale it: each a
/// process of its own with its own instance id, started from the same build as the other tests.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SeveralProcessesTests(PostgresFixture fixture, ITestOutputHelper output) : GatewayTest(fixture)
{
    private const int AuthCacheSeconds = 2;

    [Fact]
    public async Task A_tool_loop_whose_turns_land_on_different_processes_is_one_thread_and_every_request_is_counted_once()
    {
        await using var nodes = await NodesAsync(3);
        await using var nginx = await NginxBalancer.StartAsync(nodes.Select(n => n.Port));
        using var client = ClientOf(nginx.BaseAddress);

        // Turn 1 asks; the model calls two tools. Turn 2 returns their results, through the next process.
        Upstream.RespondWithEvents(ProviderFixtures.AnthropicStream);
        using var first = await client.PostAsync("/api/v2/aibridge/anthropic/v1/messages", Json("""{"model":"claude-sonnet-4","stream":true,"messages":[{"role":"user","content":"list the files"}]}"""));
        await first.Content.ReadAsStringAsync();
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        using var second = await client.PostAsync("/api/v2/aibridge/anthropic/v1/messages", Json("""
            {"model":"claude-sonnet-4","messages":[{"role":"user","content":"list the files"},{"role":"assistant","content":[{"type":"tool_use","id":"toolu_stream_a","name":"Bash","input":{}}]},
             {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_stream_a","content":"a.cs"},{"type":"tool_result","tool_use_id":"toolu_stream_b","content":"b.cs"}]}]}
            """));
        await second.Content.ReadAsStringAsync();
        var root = await RecordedAsync(InterceptionId(first));
        var child = await RecordedAsync(InterceptionId(second));

        child.GatewayInstance.Should().NotBe(root.GatewayInstance, "nginx sent the two turns to two processes");
        (child.ThreadParentId, child.ThreadRootId, child.SessionId).Should().Be((root.Id, root.Id, root.Id.ToString()));

        // Then many requests at once, spread over every process.
        const int requests = 60;
        await Task.WhenAll(Enumerable.Range(0, requests).Select(async i =>
        {
            using var response = await client.PostAsync("/api/v2/aibridge/anthropic/v1/messages", Json($$"""{"model":"claude-sonnet-4","messages":[{"role":"user","content":"question {{i}}"}]}"""));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            await response.Content.ReadAsStringAsync();
        }));

        await using var db = Fixture.CreateDbContext();
        var stored = await WaitAsync(async () => await db.Interceptions.AsNoTracking().Include(i => i.TokenUsages).ToListAsync(),
            rows => rows.Count == requests + 2 && rows.All(r => r.EndedAt is not null));
        stored.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        stored.Select(r => r.GatewayInstance).Distinct().Should().BeEquivalentTo(nodes.Select(n => n.InstanceId));
        stored.Should().OnlyContain(r => r.TokenUsages.Count == 1, "each answer's usage is one row, written once");

        var usage = await Api.GetOkAsync(Owner, "/api/v2/aibridge/usage?interval=none");
        var totals = usage.GetProperty("totals");
        totals.GetProperty("interceptions").GetInt64().Should().Be(requests + 2);
        totals.GetProperty("input_tokens").GetInt64().Should().Be(stored.Sum(r => r.TokenUsages.Sum(t => t.InputTokens)));
        totals.GetProperty("output_tokens").GetInt64().Should().Be(stored.Sum(r => r.TokenUsages.Sum(t => t.OutputTokens)));
        totals.GetProperty("cost_micros").GetInt64().Should().Be(stored.Sum(r => r.TokenUsages.Sum(t => t.CostMicros ?? 0)));

        var budget = await Api.GetOkAsync(Owner, $"/api/v2/users/{Owner.Id}/budget");
        (budget.GetProperty("spent_micros").GetInt64(), budget.GetProperty("reserved_micros").GetInt64())
            .Should().Be((stored.Sum(r => r.TokenUsages.Sum(t => t.CostMicros ?? 0)), 0L), "every process's costs count and nothing stays reserved");
    }

    [Fact]
    public async Task A_turn_whose_tool_call_another_process_has_not_committed_yet_waits_for_it()
    {
        // The first process holds its records for 400 ms before writing them; the second waits up to 2 s for a call it cannot find.
        await using var slow = await GatewayNode.StartAsync("slow-writer", Settings("AIBridge__Recording__MaxBatchDelay=00:00:00.4"));
        await using var next = await GatewayNode.StartAsync("next-turn", Settings("AIBridge__Recording__MaxLineageWait=00:00:02"));
        using var slowClient = ClientOf(slow.BaseAddress);
        using var nextClient = ClientOf(next.BaseAddress);

        Upstream.RespondWithEvents(ProviderFixtures.AnthropicStream, pause: TimeSpan.FromMilliseconds(60));
        using var first = await slowClient.PostAsync("/api/v2/aibridge/anthropic/v1/messages", Json("""{"model":"claude-sonnet-4","stream":true,"messages":[{"role":"user","content":"list the files"}]}"""));
        await first.Content.ReadAsStringAsync();

        // The second process waits only while it sees the first turn open in the database. A fresh process's first write
        // can take longer than this short stream on a loaded machine, so the turn is sent once that row is there.
        var root = InterceptionId(first);
        await WaitAsync(async () =>
        {
            await using var db = Fixture.CreateDbContext();
            return await db.Interceptions.AnyAsync(i => i.Id == root);
        }, stored => stored);
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        using var second = await nextClient.PostAsync("/api/v2/aibridge/anthropic/v1/messages", Json("""
            {"model":"claude-sonnet-4","messages":[{"role":"user","content":"list the files"},{"role":"assistant","content":[{"type":"tool_use","id":"toolu_stream_a","name":"Bash","input":{}}]},
             {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_stream_a","content":"a.cs"}]}]}
            """));
        await second.Content.ReadAsStringAsync();

        var child = await RecordedAsync(InterceptionId(second));
        await RecordedAsync(root);
        (child.ThreadParentId, child.ThreadRootId).Should().Be((root, root));
    }

    [Fact]
    public async Task A_deleted_token_and_a_suspended_user_are_refused_by_every_process_within_the_cache_lifetime()
    {
        await using var nodes = await NodesAsync(3);
        var member = await Api.CreateUserAsync(Owner, "member");
        var memberToken = await Api.CreateTokenAsync(member);
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        foreach (var node in nodes)
        {
            (await SendAsync(node, Token)).Should().Be(HttpStatusCode.OK, "every process caches the owner's token");
            (await SendAsync(node, memberToken)).Should().Be(HttpStatusCode.OK, "every process caches the member's token");
        }

        var tokenId = Token.Split('-')[0];
        using (var owner = Api.As(Owner.Token))
        {
            (await owner.DeleteAsync($"/api/v2/users/me/keys/{tokenId}")).EnsureSuccessStatusCode();
            (await owner.PutAsync($"/api/v2/users/{member.Id}/status/suspend", null)).EnsureSuccessStatusCode();
        }

        var deadline = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(AuthCacheSeconds) + TimeSpan.FromMilliseconds(200));
        foreach (var node in nodes)
        {
            (await SendAsync(node, Token)).Should().Be(HttpStatusCode.Unauthorized, $"{node.InstanceId} refuses the deleted token");
            (await SendAsync(node, memberToken)).Should().Be(HttpStatusCode.Unauthorized, $"{node.InstanceId} refuses the suspended user");
        }

        deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(AuthCacheSeconds + 3));
    }

    [Fact]
    public async Task Retention_sweeps_once_a_day_across_processes_started_together()
    {
        var old = InterceptionSeeder.New(Owner.Id);
        old.StartedAt = DateTime.UtcNow.AddDays(-5);
        old.EndedAt = old.StartedAt.AddSeconds(1);
        old.TokenUsages = [];
        await using (var db = Fixture.CreateDbContext())
        {
            db.Interceptions.Add(old);
            await db.SaveChangesAsync();
        }

        await using var nodes = await NodesAsync(3, "AIBridge__RetentionDays=2", "Logging__LogLevel__AIBridge.Infrastructure.Retention=Debug");

        await using var check = Fixture.CreateDbContext();
        await WaitAsync(() => check.Interceptions.AnyAsync(i => i.Id == old.Id), exists => !exists);
        var sweeps = await WaitAsync(() => Task.FromResult(nodes.Where(n => n.Lines.Any(l => l.Contains("Retention: deleted", StringComparison.Ordinal))).ToList()),
            swept => swept.Count > 0);
        await WaitAsync(() => Task.FromResult(nodes.Count(n => n.Lines.Any(l => l.Contains("Retention: not due", StringComparison.Ordinal)))), notDue => notDue == 2);

        var sweeper = sweeps.Should().ContainSingle("one process sweeps; the others find the day's sweep claimed").Subject;
        var lease = await check.Set<JobLease>().AsNoTracking().SingleAsync(j => j.Name == RetentionJob.LeaseName);
        lease.Holder.Should().Be(sweeper.InstanceId);
        lease.DueAt.Should().BeCloseTo(lease.ClaimedAt!.Value.AddDays(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_process_killed_mid_stream_ends_its_own_open_interception_on_restart_and_no_other()
    {
        await using var nodes = await NodesAsync(2);
        var (survivor, victim) = (nodes[0], nodes[1]);
        using var release = new SemaphoreSlim(0);
        Upstream.Respond(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_slow\",\"usage\":{\"input_tokens\":4,\"output_tokens\":1}}}\n\n"u8.ToArray());
            await context.Response.Body.FlushAsync();
            await release.WaitAsync(TimeSpan.FromSeconds(30));
            foreach (var e in FakeUpstream.SplitEvents(ProviderFixtures.AnthropicStream).Skip(1))
            {
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(e), context.RequestAborted);
            }
        });

        using var survivorClient = ClientOf(survivor.BaseAddress);
        using var victimClient = ClientOf(victim.BaseAddress);
        using var survivorStream = await StartStreamAsync(survivorClient);
        using var victimStream = await StartStreamAsync(victimClient);
        var survivorId = InterceptionId(survivorStream);
        var victimId = InterceptionId(victimStream);
        await using var db = Fixture.CreateDbContext();
        await WaitAsync(() => db.Interceptions.CountAsync(i => i.Id == survivorId || i.Id == victimId), count => count == 2);

        await victim.KillAsync();
        await victim.RestartAsync();

        db.ChangeTracker.Clear();
        var ended = await db.Interceptions.AsNoTracking().SingleAsync(i => i.Id == victimId);
        (ended.EndedAt is not null, ended.ErrorType).Should().Be((true, InterceptionErrors.GatewayRestarted), "the restarted process ended what it left open");
        (await db.Interceptions.AsNoTracking().SingleAsync(i => i.Id == survivorId)).EndedAt.Should().BeNull("another process's stream is still in flight");

        release.Release(2);
        await survivorStream.Content.ReadAsStringAsync();
        var completed = await RecordedAsync(survivorId);
        (completed.ErrorType, completed.StatusCode).Should().Be((null, 200));
        (await db.Interceptions.CountAsync()).Should().Be(2, "no row was added or lost by the kill");
    }

    [Fact]
    public async Task A_provider_added_rotated_and_deleted_through_one_process_is_in_force_in_another_within_five_seconds()
    {
        await using var nodes = await NodesAsync(1);
        using var other = ClientOf(nodes.Single().BaseAddress);
        const string chat = """{"model":"gpt-4.1","messages":[{"role":"user","content":"hi"}]}""";
        Upstream.RespondWithJson(ProviderFixtures.ChatCompletion);
        async Task<HttpStatusCode> SendAsync()
        {
            using var response = await other.PostAsync("/api/v2/aibridge/hot/v1/chat/completions", Json(chat));
            return response.StatusCode;
        }

        (await SendAsync()).Should().Be(HttpStatusCode.NotFound);

        // Added through the test's own AIBridge process; the node learns of it from the database alone.
        var added = Stopwatch.StartNew();
        await Providers.StoredProviderSetup.AddAsync(Api, Owner, new
        {
            name = "hot", type = "openai", base_url = Upstream.BaseAddress.ToString().TrimEnd('/') + "/v1", api_keys = new[] { new { api_key = "sk-hot-first-key-000000001" } },
        });
        await WaitAsync(SendAsync, status => status == HttpStatusCode.OK);
        output.WriteLine($"added: served by the other process after {added.Elapsed.TotalSeconds:F2} s");
        added.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        Upstream.Requests.Last().Header("Authorization").Should().Be("Bearer sk-hot-first-key-000000001", "the node decrypted the key another process stored");

        var rotated = Stopwatch.StartNew();
        (await ApiClient.PatchJsonAsync(Api.As(Owner.Token), "/api/v2/aibridge/providers/hot", new { api_keys = new[] { new { api_key = "sk-hot-second-key-00000002" } } }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await WaitAsync(async () =>
        {
            Upstream.Requests.Clear();
            await SendAsync();
            return Upstream.Requests.Single().Header("Authorization");
        }, key => key == "Bearer sk-hot-second-key-00000002");
        output.WriteLine($"rotated: the new key used by the other process after {rotated.Elapsed.TotalSeconds:F2} s");
        rotated.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));

        var deleted = Stopwatch.StartNew();
        (await Api.As(Owner.Token).DeleteAsync("/api/v2/aibridge/providers/hot")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await WaitAsync(SendAsync, status => status == HttpStatusCode.NotFound);
        output.WriteLine($"deleted: 404 from the other process after {deleted.Elapsed.TotalSeconds:F2} s");
        deleted.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    private async Task<NodeSet> NodesAsync(int count, params string[] settings) =>
        new(await Task.WhenAll(Enumerable.Range(1, count).Select(i => GatewayNode.StartAsync($"node-{i}", Settings(settings)))));

    /// <summary>What every node of a test is started with: this test's database and fake provider, and a short token cache.</summary>
    private string[] Settings(params string[] settings)
    {
        var upstream = Upstream.BaseAddress.ToString().TrimEnd('/');
        return
        [
            "Database__Provider=Postgres",
            $"ConnectionStrings__AIBridge={Fixture.ConnectionString}",
            "AIBridge__Providers__anthropic__Type=anthropic",
            $"AIBridge__Providers__anthropic__BaseUrl={upstream}",
            $"AIBridge__Providers__anthropic__ApiKey={DatabaseFixture.AnthropicKey}",
            $"AIBridge__Auth__CacheSeconds={AuthCacheSeconds}",
            "AIBridge__Recording__MaxBatchDelay=00:00:00.005",
            "AIBridge__RetentionDays=0",
            "Logging__LogLevel__Default=Warning",
            "Logging__LogLevel__AIBridge.Infrastructure.Retention=Information",
            .. settings,
        ];
    }

    private HttpClient ClientOf(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Token);
        return client;
    }

    private static async Task<HttpStatusCode> SendAsync(GatewayNode node, string token)
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", token);
        using var response = await client.PostAsync("/api/v2/aibridge/anthropic/v1/messages", Json("""{"model":"claude-sonnet-4","messages":[{"role":"user","content":"hi"}]}"""));
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> StartStreamAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/aibridge/anthropic/v1/messages")
        {
            Content = Json("""{"model":"claude-sonnet-4","stream":true,"messages":[{"role":"user","content":"take your time"}]}"""),
        };
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response;
    }

    /// <summary>The processes of one test, stopped together.</summary>
    private sealed class NodeSet(GatewayNode[] nodes) : List<GatewayNode>(nodes), IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Task.WhenAll(this.Select(n => n.DisposeAsync().AsTask()));
    }
}
