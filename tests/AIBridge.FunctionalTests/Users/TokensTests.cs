using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Users;

public abstract class TokensTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string LifetimeFailure = "Failed to validate create API key request.";

    [Fact]
    public async Task Tokens_are_listed_in_creation_order_without_login_sessions()
    {
        var owner = await Api.CreateOwnerAsync();
        var first = await Api.CreateTokenAsync(owner, new { token_name = "first", lifetime = "1h30m" });
        await Api.CreateTokenAsync(owner, new { token_name = "second", lifetime = 3600 });

        var list = await ApiClient.ReadJsonAsync(await Api.As(owner.Token).GetAsync("/api/v2/users/me/keys/tokens"));

        list.EnumerateArray().Select(k => k.GetProperty("token_name").GetString()).Should().Equal("first", "second");
        var key = list[0];
        key.GetProperty("id").GetString().Should().Be(first.Split('-')[0]);
        key.GetProperty("user_id").GetGuid().Should().Be(owner.Id);
        key.GetProperty("username").GetString().Should().Be("owner");
        key.GetProperty("login_type").GetString().Should().Be("token");
        key.GetProperty("scope").GetString().Should().Be("all");
        key.GetProperty("lifetime_seconds").GetInt64().Should().Be(5400);
        key.GetProperty("last_used").GetString().Should().Be("0001-01-01T00:00:00Z");
        list[1].GetProperty("lifetime_seconds").GetInt64().Should().Be(3600);
    }

    [Fact]
    public async Task Default_lifetime_is_thirty_days_and_names_are_generated()
    {
        var owner = await Api.CreateOwnerAsync();
        await Api.CreateTokenAsync(owner);
        await Api.CreateTokenAsync(owner, new { token_name = "", lifetime = 0 });

        var list = await ApiClient.ReadJsonAsync(await Api.As(owner.Token).GetAsync("/api/v2/users/me/keys/tokens"));

        list.EnumerateArray().Should().AllSatisfy(k => k.GetProperty("lifetime_seconds").GetInt64().Should().Be(30 * 24 * 3600));
        list.EnumerateArray().Select(k => k.GetProperty("token_name").GetString()).Should().OnlyHaveUniqueItems().And.NotContain("");
    }

    [Theory]
    [InlineData("\"-5m\"", "lifetime must be positive number greater than 0")]
    [InlineData("-1", "lifetime must be positive number greater than 0")]
    [InlineData("\"8761h\"", "lifetime must be less than 8760h0m0s")]
    [InlineData("720000000000000", "lifetime must be less than 8760h0m0s")]
    [InlineData("\"forever\"", "lifetime must be a duration such as \"720h\" or a number of seconds")]
    [InlineData("\"90\"", "lifetime must be a duration such as \"720h\" or a number of seconds")]
    [InlineData("true", "lifetime must be a duration such as \"720h\" or a number of seconds")]
    public async Task Bad_lifetimes_are_rejected(string lifetime, string detail)
    {
        var owner = await Api.CreateOwnerAsync();

        var response = await Api.As(owner.Token).PostAsync("/api/v2/users/me/keys/tokens",
            new StringContent($"{{\"lifetime\": {lifetime}}}", System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, LifetimeFailure, detail);
    }

    [Fact]
    public async Task Duplicate_token_name_is_a_conflict()
    {
        var owner = await Api.CreateOwnerAsync();
        await Api.CreateTokenAsync(owner, new { token_name = "laptop" });

        var again = await ApiClient.PostJsonAsync(Api.As(owner.Token), "/api/v2/users/me/keys/tokens", new { token_name = "laptop" });

        var body = await again.ShouldBeErrorAsync(HttpStatusCode.Conflict, "A token with name \"laptop\" already exists.");
        body.Validations().Should().Equal(("name", "This value is already in use and should be unique."));
    }

    [Fact]
    public async Task Deleted_token_stops_working_at_once()
    {
        var owner = await Api.CreateOwnerAsync();
        var token = await Api.CreateTokenAsync(owner);
        (await Api.As(token).GetAsync("/api/v2/users/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        var deleted = await Api.As(owner.Token).DeleteAsync($"/api/v2/users/me/keys/{token.Split('-')[0]}");

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await deleted.Content.ReadAsStringAsync()).Should().BeEmpty();
        await (await Api.As(token).GetAsync("/api/v2/users/me"))
            .ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "You are signed out or your session has expired. Please sign in again to continue.", "API key is invalid.");
    }

    [Fact]
    public async Task Members_manage_only_their_own_tokens_and_owners_anyones()
    {
        var owner = await Api.CreateOwnerAsync();
        var member = await Api.CreateUserAsync(owner, "member");
        var other = await Api.CreateUserAsync(owner, "other");
        var otherToken = await Api.CreateTokenAsync(other);

        (await ApiClient.PostJsonAsync(Api.As(member.Token), "/api/v2/users/other/keys/tokens", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.As(member.Token).GetAsync("/api/v2/users/other/keys/tokens")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.As(member.Token).DeleteAsync($"/api/v2/users/other/keys/{otherToken.Split('-')[0]}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var ownKey = await Api.As(member.Token).DeleteAsync($"/api/v2/users/me/keys/{otherToken.Split('-')[0]}");
        await ownKey.ShouldBeErrorAsync(HttpStatusCode.NotFound, "Resource not found or you do not have access to this resource");

        (await ApiClient.PostJsonAsync(Api.As(owner.Token), "/api/v2/users/other/keys/tokens", new { })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Api.As(owner.Token).GetAsync("/api/v2/users/other/keys/tokens")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.As(owner.Token).DeleteAsync($"/api/v2/users/other/keys/{otherToken.Split('-')[0]}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TokensTests_Sqlite(SqliteFixture fixture) : TokensTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class TokensTests_Postgres(PostgresFixture fixture) : TokensTests(fixture);
