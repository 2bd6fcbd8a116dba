using System.Net;
using System.Text;
using System.Text.Json;
using AIBridge.Application.Gateway.Bedrock;
using AIBridge.FunctionalTests.Gateway;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Bedrock;
using Amazon.Runtime;
using Anthropic;
using Anthropic.Models.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AIBridge.FunctionalTests.Providers;

/// <summary>
/// A <c>bedrock</c> provider against a fake Bedrock that checks each request's SigV4 signature as AWS does and
/// answers InvokeModel streams in AWS's binary event stream.
/// </summary>
public abstract class BedrockProviderTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    private const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string Sonnet = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    /// <summary>What the fake Bedrock received: the raw request target, headers and body, and its verdict on the signature.</summary>
    private sealed record Arrival(string Method, string RawTarget, Dictionary<string, string> Headers, byte[] Body, string? SignatureProblem);

    private readonly List<Arrival> _arrivals = [];

    private async Task AddBedrockAsync(string mode = "invoke", string path = "")
    {
        await StoredProviderSetup.AddAsync(Api, Owner, new
        {
            name = "bedrock", type = "bedrock", base_url = Upstream.BaseAddress.ToString().TrimEnd('/') + path,
            settings = new { region = "us-west-2", mode, model = Sonnet, small_fast_model = Haiku, access_key_id = AccessKeyId, secret_access_key = Secret },
        });
    }

    /// <summary>Records and checks each request, then answers as <paramref name="answer"/> says.</summary>
    private void FakeBedrock(Func<HttpContext, Task> answer, string secret = Secret) => Upstream.Respond(async context =>
    {
        // The fake provider has read the body already, and kept it.
        var body = Upstream.Requests.Last().Body;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var problem = SigV4Verifier.Check(context.Request.Method, rawTarget, headers, body, secret, BedrockSigner.Service);
        lock (_arrivals)
        {
            _arrivals.Add(new Arrival(context.Request.Method, rawTarget, headers, body, problem));
        }

        if (problem is not null)
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync("""{"message":"The request signature we calculated does not match the signature you provided."}""");
            return;
        }

        await answer(context);
    });

    /// <summary>The fixture's Anthropic stream as Bedrock sends it: each event base64 in a <c>chunk</c> frame.</summary>
    private static async Task EventStreamAsync(HttpContext context)
    {
        context.Response.ContentType = "application/vnd.amazon.eventstream";
        foreach (var e in FakeUpstream.SplitEvents(ProviderFixtures.AnthropicStream))
        {
            var data = e.Split('\n').Single(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
            var frame = EventStreamFrame.Write([(":event-type", "chunk"), (":content-type", "application/json"), (":message-type", "event")],
                JsonSerializer.SerializeToUtf8Bytes(new { bytes = Convert.ToBase64String(Encoding.UTF8.GetBytes(data)) }));
            await context.Response.Body.WriteAsync(frame);
            await context.Response.Body.FlushAsync();
        }
    }

    [Fact]
    public async Task An_invoke_stream_is_signed_as_aws_checks_and_the_anthropic_sdk_reads_the_decoded_events()
    {
        await AddBedrockAsync();
        FakeBedrock(EventStreamAsync);
        var anthropic = new AnthropicClient { ApiKey = Token, BaseUrl = Gateway("bedrock").ToString().TrimEnd('/'), MaxRetries = 0 };

        var events = new List<RawMessageStreamEvent>();
        await foreach (var e in anthropic.Messages.CreateStreaming(new MessageCreateParams
        {
            Model = "claude-sonnet-4-5", MaxTokens = 1024, Messages = [new UserMessageParam { Content = "list the files" }],
        }))
        {
            events.Add(e);
        }

        events.Should().HaveCountGreaterThan(5);
        var arrival = _arrivals.Single();
        arrival.SignatureProblem.Should().BeNull();
        arrival.RawTarget.Should().Be("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke-with-response-stream");
        arrival.Headers["Authorization"].Should().StartWith($"AWS4-HMAC-SHA256 Credential={AccessKeyId}/{DateTime.UtcNow:yyyyMMdd}/us-west-2/bedrock/aws4_request");
        var sent = JsonDocument.Parse(arrival.Body).RootElement;
        (sent.TryGetProperty("model", out _), sent.TryGetProperty("stream", out _), sent.GetProperty("anthropic_version").GetString())
            .Should().Be((false, false, "bedrock-2023-05-31"));

        // The AWS SDK's own signer, given the same request at the same time, signs it the same.
        var signedAt = DateTime.ParseExact(arrival.Headers["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var sdk = BedrockSigner.Sign("POST", new Uri(Upstream.BaseAddress, arrival.RawTarget), arrival.Headers["Content-Type"], arrival.Body, "us-west-2",
            new ImmutableCredentials(AccessKeyId, Secret, null), signedAt);
        sdk.Single(h => h.Name == "Authorization").Value.Should().Be(arrival.Headers["Authorization"]);

        var recorded = await RecordedAsync(await EndedInterceptionIdAsync());
        (recorded.Provider, recorded.ProviderName, recorded.Model, recorded.CredentialKind, recorded.CredentialHint, recorded.StatusCode)
            .Should().Be(("anthropic", "bedrock", Sonnet, "centralized", "AKIA...MPLE", 200));
        recorded.ToolUsages.Should().HaveCount(2);
        recorded.TokenUsages.Should().ContainSingle().Which.OutputTokens.Should().BeGreaterThan(0);
        JsonDocument.Parse(recorded.Metadata!).RootElement.GetProperty("provider_type").GetString().Should().Be("bedrock");
    }

    [Fact]
    public async Task A_blocking_haiku_call_goes_to_the_small_fast_model_with_its_betas_and_thinking_translated()
    {
        await AddBedrockAsync();
        FakeBedrock(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ProviderFixtures.AnthropicMessage);
        });
        using var client = Client();
        client.DefaultRequestHeaders.Add("anthropic-beta", "interleaved-thinking-2025-05-14,files-api-2025-04-14");

        using var response = await client.PostAsync(Gateway("bedrock/v1/messages"), Json("""
            {"model":"claude-haiku-4-5","max_tokens":4000,"thinking":{"type":"adaptive"},"metadata":{"user_id":"u"},"messages":[{"role":"user","content":"read a.cs"}]}
            """));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApiClient.ReadJsonAsync(response)).GetProperty("id").GetString().Should().Be("msg_block_1");
        var arrival = _arrivals.Single();
        (arrival.SignatureProblem, arrival.RawTarget).Should().Be(((string?)null, "/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke"));
        var sent = JsonDocument.Parse(arrival.Body).RootElement;
        sent.GetProperty("anthropic_beta").EnumerateArray().Select(b => b.GetString()).Should().Equal("interleaved-thinking-2025-05-14");
        sent.GetProperty("thinking").GetRawText().Should().Be("""{"type":"enabled","budget_tokens":3200}""");
        sent.TryGetProperty("metadata", out _).Should().BeFalse();
        arrival.Headers.Should().NotContainKey("anthropic-beta").And.NotContainKey("X-Api-Key");
        (await RecordedAsync(InterceptionId(response))).Model.Should().Be(Haiku);
    }

    [Fact]
    public async Task Mantle_sends_the_native_messages_body_signed_and_relays_its_events()
    {
        await AddBedrockAsync(mode: "mantle", path: "/anthropic");
        FakeBedrock(context => FakeUpstream.WriteEventsAsync(context, FakeUpstream.SplitEvents(ProviderFixtures.AnthropicStream).Select(Encoding.UTF8.GetBytes)));
        using var client = Client();
        const string body = """{"model":"claude-sonnet-4-5","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"list the files"}]}""";

        using var response = await client.PostAsync(Gateway("bedrock/v1/messages"), Json(body));
        var text = await response.Content.ReadAsStringAsync();

        _arrivals.Single().SignatureProblem.Should().BeNull();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        text.Should().Contain("event: message_stop");
        var arrival = _arrivals.Single();
        (arrival.SignatureProblem, arrival.RawTarget, Encoding.UTF8.GetString(arrival.Body), arrival.Headers["anthropic-version"])
            .Should().Be(((string?)null, "/anthropic/v1/messages", body, "2023-06-01"));
        var recorded = await RecordedAsync(InterceptionId(response));
        (recorded.Model, recorded.ToolUsages.Count).Should().Be(("claude-sonnet-4-5", 2));
    }

    [Fact]
    public async Task Bedrock_errors_reach_the_client_in_anthropics_shape_and_the_sdk_raises_its_own_error()
    {
        await AddBedrockAsync();
        FakeBedrock(async context =>
        {
            context.Response.StatusCode = 429;
            context.Response.ContentType = "application/json";
            context.Response.Headers["x-amzn-ErrorType"] = "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/";
            await context.Response.WriteAsync("""{"message":"Too many requests, please wait before trying again."}""");
        });
        var anthropic = new AnthropicClient { ApiKey = Token, BaseUrl = Gateway("bedrock").ToString().TrimEnd('/'), MaxRetries = 0 };

        var call = () => anthropic.Messages.Create(new MessageCreateParams
        {
            Model = "claude-sonnet-4-5", MaxTokens = 10, Messages = [new UserMessageParam { Content = "hi" }],
        });

        (await call.Should().ThrowAsync<Anthropic.Exceptions.AnthropicRateLimitException>()).Which.Message.Should().Contain("Too many requests, please wait");
        var recorded = await RecordedAsync(await EndedInterceptionIdAsync());
        (recorded.StatusCode, recorded.ErrorMessage).Should().Be((429, "rate_limit_error: Too many requests, please wait before trying again."));
    }

    [Fact]
    public async Task The_secret_access_key_is_kept_encrypted_shown_only_masked_and_kept_across_edits()
    {
        await AddBedrockAsync();
        var client = Api.As(Owner.Token);

        var shown = await Api.GetOkAsync(Owner, ProvidersApiTests.Path + "/bedrock");
        shown.GetProperty("settings").TryGetProperty("secret_access_key", out _).Should().BeFalse();
        shown.GetProperty("api_keys").EnumerateArray().Select(k => k.GetProperty("masked").GetString()).Should().Equal("wJal...EKEY");
        shown.ToString().Should().NotContain(Secret);
        await DatabaseText.ShouldNotContainAsync(Fixture, Secret);

        var edited = await ApiClient.ReadJsonAsync(await ApiClient.PatchJsonAsync(client, ProvidersApiTests.Path + "/bedrock", new
        {
            settings = new { region = "us-west-2", mode = "invoke", model = Sonnet, small_fast_model = Haiku, access_key_id = AccessKeyId },
        }));
        edited.GetProperty("api_keys").GetArrayLength().Should().Be(1, "settings without the secret keep the stored one");
        FakeBedrock(async context => await context.Response.WriteAsync(ProviderFixtures.AnthropicMessage));
        using var call = await Client().PostAsync(Gateway("bedrock/v1/messages"), Json("""{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"""));
        call.StatusCode.Should().Be(HttpStatusCode.OK);
        _arrivals.Single().SignatureProblem.Should().BeNull("the kept secret still signs");

        var chain = await ApiClient.ReadJsonAsync(await ApiClient.PatchJsonAsync(client, ProvidersApiTests.Path + "/bedrock", new
        {
            settings = new { region = "us-west-2", mode = "invoke", model = Sonnet, small_fast_model = Haiku },
        }));
        chain.GetProperty("api_keys").GetArrayLength().Should().Be(0, "without an access key id the default AWS credential chain signs");
    }

    [Fact]
    public async Task Without_static_keys_the_default_aws_credential_chain_signs_with_its_session_token()
    {
        const string chainKeyId = "AKIACHAINEXAMPLE0001";
        const string chainSecret = "chainSecretFromTheEnvironment0000000000000";
        await StoredProviderSetup.AddAsync(Api, Owner, new
        {
            name = "bedrock", type = "bedrock", base_url = Upstream.BaseAddress.ToString().TrimEnd('/'),
            settings = new { region = "eu-central-1", mode = "invoke", model = Sonnet, small_fast_model = Haiku },
        });
        FakeBedrock(async context => await context.Response.WriteAsync(ProviderFixtures.AnthropicMessage), chainSecret);

        // A process of its own: the credential chain reads that process's environment.
        await using var node = await GatewayNode.StartAsync("bedrock-chain", [
            $"Database__Provider={Fixture.Provider}", $"ConnectionStrings__AIBridge={Fixture.ConnectionString}", "AIBridge__RetentionDays=0",
            "Logging__LogLevel__Default=Warning", $"AWS_ACCESS_KEY_ID={chainKeyId}", $"AWS_SECRET_ACCESS_KEY={chainSecret}",
            "AWS_SESSION_TOKEN=chain-session-token", "AWS_EC2_METADATA_DISABLED=true"]);
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", Token);

        using var response = await client.PostAsync("/api/v2/aibridge/bedrock/v1/messages", Json("""{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var arrival = _arrivals.Single();
        arrival.SignatureProblem.Should().BeNull();
        arrival.Headers["Authorization"].Should().Contain($"Credential={chainKeyId}/").And.Contain("x-amz-security-token");
        arrival.Headers["X-Amz-Security-Token"].Should().Be("chain-session-token");
        (await RecordedAsync(InterceptionId(response))).CredentialHint.Should().BeEmpty("no key of AIBridge's signed it");
    }

    [Theory]
    [InlineData("""{"name":"b","type":"bedrock","settings":{"mode":"invoke","model":"m","small_fast_model":"s"}}""", "base_url")]
    [InlineData("""{"name":"b","type":"bedrock","settings":{"region":"us-east-1","mode":"invoke","small_fast_model":"s"}}""", "settings")]
    [InlineData("""{"name":"b","type":"bedrock","settings":{"region":"us-east-1","mode":"mantle","access_key_id":"AKIAIOSFODNN7EXAMPLE"}}""", "settings")]
    [InlineData("""{"name":"b","type":"bedrock","settings":{"region":"us-east-1","mode":"sideways"}}""", "settings")]
    [InlineData("""{"name":"b","type":"bedrock","api_keys":[{"api_key":"k"}],"settings":{"region":"us-east-1","mode":"mantle"}}""", "api_keys")]
    public async Task Bedrock_settings_are_checked(string body, string field)
    {
        var response = await Api.As(Owner.Token).PostAsync(ProvidersApiTests.Path, Json(body));
        var error = await ApiClient.ReadJsonAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, error.ToString());
        error.GetProperty("validations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).Should().Equal([field], error.ToString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BedrockProviderTests_Sqlite(SqliteFixture fixture) : BedrockProviderTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class BedrockProviderTests_Postgres(PostgresFixture fixture) : BedrockProviderTests(fixture);
