using System.Net;
using AIBridge.Domain.ApiKeys;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.FunctionalTests.Users;

public abstract class AuthenticationTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string SignedOut = "You are signed out or your session has expired. Please sign in again to continue.";

    [Theory]
    [InlineData("header")]
    [InlineData("cookie")]
    [InlineData("query")]
    [InlineData("bearer")]
    [InlineData("bearer-lowercase")]
    public async Task Each_token_transport_authenticates(string transport)
    {
        var owner = await Api.CreateOwnerAsync();
        var token = await Api.CreateTokenAsync(owner);

        var response = await Api.Anonymous().SendAsync(RequestMe(transport, token));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await ApiClient.ReadJsonAsync(response)).GetProperty("id").GetGuid().Should().Be(owner.Id);
    }

    [Fact]
    public async Task First_non_empty_source_wins_even_when_its_token_is_invalid()
    {
        var owner = await Api.CreateOwnerAsync();
        var request = RequestMe("bearer", owner.Token);
        request.Headers.Add("Coder-Session-Token", "abcdefghij-abcdefghijklmnopqrstuv");

        var response = await Api.Anonymous().SendAsync(request);

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, SignedOut, "API key is invalid.");
    }

    [Theory]
    [InlineData(null, "Cookie \"coder_session_token\" or query parameter must be provided.")]
    [InlineData("too-many-dashes-x", "Invalid API key format: incorrect amount of API key parts, expected 2 got 4")]
    [InlineData("nodash", "Invalid API key format: incorrect amount of API key parts, expected 2 got 1")]
    [InlineData("short-abcdefghijklmnopqrstuv", "Invalid API key format: invalid API key ID length, expected 10 got 5")]
    [InlineData("abcdefghij-short", "Invalid API key format: invalid API key secret length, expected 22 got 5")]
    [InlineData("abcdefghij-abcdefghijklmnopqrstuv", "API key is invalid.")]
    [InlineData("Bearer", "Cookie \"coder_session_token\" or query parameter must be provided.")]
    public async Task Bad_tokens_get_401_with_the_reason(string? authorization, string detail)
    {
        await Api.CreateOwnerAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2/users/me");
        if (authorization is "Bearer")
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer a b");
        }
        else if (authorization is not null)
        {
            request.Headers.Add("Coder-Session-Token", authorization);
        }

        var response = await Api.Anonymous().SendAsync(request);

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, SignedOut, detail);
    }

    [Fact]
    public async Task Wrong_secret_is_rejected()
    {
        var owner = await Api.CreateOwnerAsync();
        var id = owner.Token.Split('-')[0];

        var response = await Api.As($"{id}-{new string('x', 22)}").GetAsync("/api/v2/users/me");

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, SignedOut, "API key secret is invalid.");
    }

    [Fact]
    public async Task Expired_token_is_rejected_with_its_expiry()
    {
        var owner = await Api.CreateOwnerAsync();
        var id = owner.Token.Split('-')[0];
        var expired = new DateTime(2025, 5, 1, 12, 34, 56, DateTimeKind.Utc);
        await using (var db = Fixture.CreateDbContext())
        {
            await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, expired));
        }

        var response = await Api.As(owner.Token).GetAsync("/api/v2/users/me");

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, SignedOut, "API key expired at \"2025-05-01T12:34:56Z\".");
    }

    [Fact]
    public async Task Database_holds_only_hashes_of_token_secrets()
    {
        var owner = await Api.CreateOwnerAsync();
        var token = await Api.CreateTokenAsync(owner);
        var secrets = new[] { owner.Token, token }.Select(t => t.Split('-')[1]).ToArray();

        var stored = await ReadEveryStoredValueAsync();

        stored.Should().NotBeEmpty();
        foreach (var secret in secrets)
        {
            stored.Should().NotContain(v => v.Contains(secret, StringComparison.Ordinal));
            stored.Should().Contain(Convert.ToHexString(ApiKeyToken.HashSecret(secret)));
        }
    }

    [Fact]
    public async Task Use_is_recorded_on_the_key()
    {
        var owner = await Api.CreateOwnerAsync();
        var token = await Api.CreateTokenAsync(owner, new { token_name = "ci" });

        (await Api.As(token).GetAsync("/api/v2/users/me")).EnsureSuccessStatusCode();

        var keys = await ApiClient.ReadJsonAsync(await Api.As(owner.Token).GetAsync("/api/v2/users/me/keys/tokens"));
        keys.EnumerateArray().Single().GetProperty("last_used").GetString().Should().NotBe("0001-01-01T00:00:00Z");
    }

    private static HttpRequestMessage RequestMe(string transport, string token)
    {
        var path = transport == "query" ? $"/api/v2/users/me?coder_session_token={token}" : "/api/v2/users/me";
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        switch (transport)
        {
            case "header":
                request.Headers.Add("Coder-Session-Token", token);
                break;
            case "cookie":
                request.Headers.Add("Cookie", $"coder_session_token={token}");
                break;
            case "bearer":
                request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
                break;
            case "bearer-lowercase":
                request.Headers.TryAddWithoutValidation("Authorization", $"  bearer   {token} ");
                break;
        }

        return request;
    }

    /// <summary>Every value of every column of every table, as text (binary as hex).</summary>
    private async Task<List<string>> ReadEveryStoredValueAsync()
    {
        await using var db = Fixture.CreateDbContext();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList();
        await using var connection = await Fixture.OpenConnectionAsync();
        var values = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    values.Add(value is byte[] bytes ? Convert.ToHexString(bytes) : value.ToString() ?? "");
                }
            }
        }

        return values;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuthenticationTests_Sqlite(SqliteFixture fixture) : AuthenticationTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class AuthenticationTests_Postgres(PostgresFixture fixture) : AuthenticationTests(fixture);
