using System.Diagnostics;
using System.Net;
using System.Text;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>Authentication, bad input, unknown routes, upstream failures, slow and abandoned streams.</summary>
public abstract class GatewayEdgeTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task Nothing_authenticates_eagerly_so_provider_routes_never_run_the_api_token_check()
    {
        // With one scheme registered ASP.NET Core would make it the default, and the authentication
        // middleware would look every gateway request's bearer token up in the database.
        var schemes = Fixture.Factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        (await schemes.GetDefaultAuthenticateSchemeAsync()).Should().BeNull();
    }

    [Fact]
    public void No_configuration_file_is_watched_so_database_writes_in_the_content_root_wake_nothing()
    {
        var configuration = (IConfigurationRoot)Fixture.Factory.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        files.Should().NotBeEmpty("appsettings.json is read");
        files.Should().OnlyContain(file => !file.Source.ReloadOnChange);
    }

    private const string Hello = """{"model":"m","messages":[{"role":"user","content":"hi"}]}""";

    [Fact]
    public async Task Response_headers_are_relayed_as_received_repeated_ones_apart_and_odd_values_untouched()
    {
        Upstream.Respond(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.Append("x-multi", "a");
            context.Response.Headers.Append("x-multi", "b, c");
            context.Response.Headers["Retry-After"] = "soon"; // neither a date nor seconds: HttpClient's parser refuses it
            context.Response.Headers["Expires"] = "0";
            await context.Response.WriteAsync("{}");
        });

        using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json(Hello));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.NonValidated["x-multi"].Should().Equal("a", "b, c");
        response.Headers.NonValidated["Retry-After"].ToString().Should().Be("soon");
        response.Content.Headers.NonValidated["Expires"].ToString().Should().Be("0");
    }

    [Fact]
    public async Task Authentication_failures_are_401_in_the_providers_format()
    {
        using var none = await Api.Anonymous().PostAsync(Gateway("anthropic/v1/messages"), Json(Hello));
        (await none.Content.ReadAsStringAsync()).Should().Be("""{"type":"error","error":{"type":"authentication_error","message":"no authentication key provided"}}""");
        none.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        none.Headers.GetValues("x-should-retry").Should().Equal("false");

        var unknown = Api.Anonymous();
        unknown.DefaultRequestHeaders.Add("Authorization", "Bearer abcdefghij-abcdefghijklmnopqrstuv");
        using var invalid = await unknown.PostAsync(Gateway("openai/v1/chat/completions"), Json(Hello));
        invalid.Headers.GetValues("x-should-retry").Should().Equal("false");
        (await invalid.Content.ReadAsStringAsync()).Should().Be("""{"error":{"message":"API key is invalid.","type":"invalid_request_error","code":"invalid_api_key"}}""");

        var wrongSecret = Api.Anonymous();
        wrongSecret.DefaultRequestHeaders.Add("X-Api-Key", Token[..11] + new string('x', 22));
        using var secret = await wrongSecret.PostAsync(Gateway("anthropic/v1/messages"), Json(Hello));
        (await secret.Content.ReadAsStringAsync()).Should().Contain("API key secret is invalid.");

        var malformed = Api.Anonymous();
        malformed.DefaultRequestHeaders.Add("X-Api-Key", "sk-ant-real-provider-key");
        using var format = await malformed.PostAsync(Gateway("anthropic/v1/messages"), Json(Hello));
        (await format.Content.ReadAsStringAsync()).Should().Contain("Invalid API key format: incorrect amount of API key parts, expected 2 got 5");

        Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Byok_is_refused_unless_enabled()
    {
        var client = Api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Coder-AI-Governance-Token", Token);
        client.DefaultRequestHeaders.Add("X-Api-Key", "sk-ant-users-own-key");

        using var response = await client.PostAsync(Gateway("anthropic/v1/messages"), Json(Hello));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.GetValues("x-should-retry").Should().Equal("false");
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"type":"error","error":{"type":"permission_error","message":"Bring Your Own Key (BYOK) mode is not enabled."}}""");
    }

    [Theory]
    [InlineData("", "empty request body")]
    [InlineData("{not json", "invalid JSON request body:")]
    [InlineData("[1,2]", "invalid JSON request body: expected a JSON object, got array")]
    public async Task Bad_bodies_are_400_and_not_recorded(string body, string message)
    {
        using var response = await Client("bearer").PostAsync(Gateway("openai/v1/chat/completions"), new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"\"message\":\"{message}").And.Contain("\"code\":\"invalid_json\"");
        Upstream.Requests.Should().BeEmpty();
        await using var db = Fixture.CreateDbContext();
        db.Interceptions.Count().Should().Be(0);
    }

    [Theory]
    [InlineData("anthropic/v1/messages")]
    [InlineData("anthropic/v1/messages/count_tokens")]
    public async Task Bodies_declared_over_the_limit_are_413_before_anything_goes_upstream_bridged_or_passed_through(string route)
    {
        // The fixture lowers AIBridge:MaxRequestBodyBytes to 1 MiB. The client waits for "100 Continue",
        // as large uploads should, so it reads the 413 instead of writing into a closed connection.
        var huge = "{\"model\":\"m\",\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, Gateway(route)) { Content = Json(huge) };
        request.Headers.ExpectContinue = true;

        using var response = await Client().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"type":"error","error":{"type":"request_too_large","message":"request body exceeds 1048576 bytes"}}""");
        Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_chunked_passthrough_body_that_grows_over_the_limit_is_413_in_the_providers_format()
    {
        // No declared length: the limit trips while the body is being forwarded upstream.
        var huge = Encoding.UTF8.GetBytes("{\"model\":\"m\",\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, Gateway("anthropic/v1/messages/count_tokens")) { Content = new StreamContent(new MemoryStream(huge)) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"type":"error","error":{"type":"request_too_large","message":"request body exceeds 1048576 bytes"}}""");
    }

    [Fact]
    public async Task A_chunked_body_of_unknown_length_is_read_whole()
    {
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        var prompt = new string('p', 40 * 1024);
        var body = Encoding.UTF8.GetBytes($$"""{"model":"m","messages":[{"role":"user","content":"{{prompt}}"}]}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, Gateway("anthropic/v1/messages")) { Content = new StreamContent(new MemoryStream(body)) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Upstream.Requests.Should().ContainSingle().Which.Body.Should().Equal(body);
        (await RecordedAsync(InterceptionId(response))).UserPrompts.Should().ContainSingle().Which.Prompt.Should().Be(prompt);
    }

    [Fact]
    public async Task Unknown_routes_are_404()
    {
        using var route = await Client().PostAsync(Gateway("anthropic/v1/complete"), Json(Hello));
        route.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await route.Content.ReadAsStringAsync()).Should().Be(
            """{"type":"error","error":{"type":"not_found_error","message":"route not supported: POST /api/v2/aibridge/anthropic/v1/complete"}}""");

        using var openai = await Client("bearer").GetAsync(Gateway("openai/v1/completions"));
        (await openai.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"route_not_found\"");

        using var provider = await Client().GetAsync(Gateway("gemini/v1/models"));
        provider.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await provider.Content.ReadAsStringAsync()).Should().Be("""{"message":"Route not found."}""");

        using var api = await Api.Anonymous().GetAsync(new Uri(Fixture.Factory.ClientOptions.BaseAddress, "/api/v2/nothing/here"));
        (await api.Content.ReadAsStringAsync()).Should().Be("""{"message":"Route not found."}""");
    }

    [Fact]
    public async Task Each_event_reaches_the_client_before_the_next_is_produced()
    {
        var events = Enumerable.Range(0, 5).Select(n => $"event: ping\ndata: {{\"type\":\"ping\",\"n\":{n}}}\n\n").ToArray();
        var produced = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        Upstream.Respond(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            foreach (var e in events)
            {
                lock (produced)
                {
                    produced.Add(clock.Elapsed);
                }

                await context.Response.WriteAsync(e);
                await context.Response.Body.FlushAsync();
                await Task.Delay(200);
            }
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, Gateway("anthropic/v1/messages")) { Content = Json("""{"model":"m","stream":true}""") };
        using var response = await Client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var received = new List<TimeSpan>();
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (await stream.ReadAsync(buffer) is var read and > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            while (received.Count < events.Length && text.ToString().Contains($"\"n\":{received.Count}}}", StringComparison.Ordinal))
            {
                received.Add(clock.Elapsed);
            }
        }

        received.Should().HaveCount(5);
        for (var i = 0; i < 4; i++)
        {
            received[i].Should().BeLessThan(produced[i + 1], $"event {i} must arrive before event {i + 1} is produced");
        }
    }

    [Fact]
    public async Task A_client_disconnect_cancels_the_upstream_call_and_ends_the_interception()
    {
        var stop = new TaskCompletionSource<bool>();
        Upstream.Respond(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_cut\",\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n");
            await context.Response.Body.FlushAsync();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            finally
            {
                stop.TrySetResult(context.RequestAborted.IsCancellationRequested);
            }
        });

        Guid id;
        using (var request = new HttpRequestMessage(HttpMethod.Post, Gateway("anthropic/v1/messages")) { Content = Json("""{"model":"m","stream":true,"messages":[{"role":"user","content":"long task"}]}""") })
        using (var response = await Client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            id = InterceptionId(response);
            var stream = await response.Content.ReadAsStreamAsync();
            _ = await stream.ReadAsync(new byte[1024]);

            // Cancelling a pending read drops the connection at once (a plain dispose would drain it first).
            using var leave = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            var pending = async () => await stream.ReadAsync(new byte[1024], leave.Token);
            await pending.Should().ThrowAsync<OperationCanceledException>();
        }

        (await stop.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("the upstream call is cancelled, not left running");
        var recorded = await RecordedAsync(id);
        recorded.TokenUsages.Should().ContainSingle().Which.InputTokens.Should().Be(9);
        recorded.UserPrompts.Single().Prompt.Should().Be("long task");
        (recorded.StatusCode, recorded.ErrorType).Should().Be((200, "client_disconnected"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GatewayEdgeTests_Sqlite(SqliteFixture fixture) : GatewayEdgeTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class GatewayEdgeTests_Postgres(PostgresFixture fixture) : GatewayEdgeTests(fixture);
