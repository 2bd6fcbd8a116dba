using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>Each interception keeps fingerprints of its request's system prompt and tool definitions.</summary>
public abstract class FingerprintTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task Turns_with_the_same_system_prompt_share_its_fingerprint_and_a_changed_tool_list_does_not()
    {
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);

        var first = await SendAsync("""{"model":"m","max_tokens":5,"system":"You are Claude Code.","tools":[{"name":"Read","input_schema":{}}],"messages":[{"role":"user","content":"a"}]}""");
        var second = await SendAsync("""{"model":"m","max_tokens":5,"system":"You are Claude Code.","tools":[{"name":"Read","input_schema":{}},{"name":"Bash","input_schema":{}}],"messages":[{"role":"user","content":"b"}]}""");
        var bare = await SendAsync("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"c"}]}""");

        first.SystemHash.Should().MatchRegex("^[0-9a-f]{32}$").And.Be(second.SystemHash);
        first.ToolsHash.Should().MatchRegex("^[0-9a-f]{32}$").And.NotBe(second.ToolsHash);
        (bare.SystemHash, bare.ToolsHash).Should().Be((null, null));
    }

    private async Task<Domain.Interceptions.Interception> SendAsync(string body)
    {
        using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json(body));
        await response.Content.ReadAsStringAsync();
        return await RecordedAsync(InterceptionId(response));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FingerprintTests_Sqlite(SqliteFixture fixture) : FingerprintTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class FingerprintTests_Postgres(PostgresFixture fixture) : FingerprintTests(fixture);
