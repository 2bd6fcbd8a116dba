using System.Net;
using System.Text;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Users;

/// <summary>Offboarding: listing users, suspending and activating them, signing out, changing passwords.</summary>
public abstract class UserLifecycleTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly string[] Usernames = ["auditor", "bob", "carol", "owner"];

    [Fact]
    public async Task Owners_and_auditors_list_and_search_users_and_members_may_not()
    {
        var owner = await Api.CreateOwnerAsync();
        var auditor = await Api.CreateUserAsync(owner, "auditor", "auditor");
        var bob = await Api.CreateUserAsync(owner, "bob");
        await Api.CreateUserAsync(owner, "carol");
        (await Api.As(owner.Token).PutAsync($"/api/v2/users/{bob.Id}/status/suspend", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var all = await Api.GetOkAsync(auditor, "/api/v2/users");
        all.GetProperty("count").GetInt64().Should().Be(4);
        all.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("username").GetString()).Should().Equal(Usernames);

        async Task<string?[]> Names(string q) => (await Api.GetOkAsync(owner, "/api/v2/users?q=" + Uri.EscapeDataString(q)))
            .GetProperty("users").EnumerateArray().Select(u => u.GetProperty("username").GetString()).ToArray();

        (await Names("status:suspended")).Should().Equal("bob");
        (await Names("status:active")).Should().Equal("auditor", "carol", "owner");
        (await Names("role:auditor")).Should().Equal("auditor");
        (await Names("role:owner")).Should().Equal("owner");
        (await Names("username:CAROL")).Should().Equal("carol");
        (await Names("email:bob@example.com")).Should().Equal("bob");
        (await Names("AR")).Should().Equal("carol");

        var page = await Api.GetOkAsync(owner, "/api/v2/users?limit=2&offset=1");
        page.GetProperty("count").GetInt64().Should().Be(4);
        page.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("username").GetString()).Should().Equal("bob", "carol");

        using var member = await Api.As(bob.Token).GetAsync("/api/v2/users");
        member.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a suspended user's session no longer authenticates");
        var carol = await Api.LoginAsync("carol@example.com");
        using var forbidden = await Api.As(carol).GetAsync("/api/v2/users");
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var bad = await Api.As(owner.Token).GetAsync("/api/v2/users?q=status:gone");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("Invalid user search query.").And.Contain("must be one of active, suspended");
    }

    [Fact]
    public async Task A_suspended_users_tokens_stop_at_once_on_the_api_and_the_gateway_and_work_again_once_activated()
    {
        var owner = await Api.CreateOwnerAsync();
        var dev = await Api.CreateUserAsync(owner, "dev");
        var token = await Api.CreateTokenAsync(dev);
        Fixture.Upstream.Reset();
        Fixture.Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        var gateway = Api.Anonymous();
        gateway.DefaultRequestHeaders.Add("X-Api-Key", token);
        const string body = """{"model":"m","messages":[{"role":"user","content":"hi"}]}""";

        // A first call puts the token in the gateway's cache.
        (await gateway.PostAsync("/api/v2/aibridge/anthropic/v1/messages", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode
            .Should().Be(HttpStatusCode.OK);

        using var suspended = await Api.As(owner.Token).PutAsync($"/api/v2/users/{dev.Id}/status/suspend", null);
        suspended.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApiClient.ReadJsonAsync(suspended)).GetProperty("status").GetString().Should().Be("suspended");

        Fixture.Upstream.Requests.Clear();
        using (var refused = await gateway.PostAsync("/api/v2/aibridge/anthropic/v1/messages", new StringContent(body, Encoding.UTF8, "application/json")))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await refused.Content.ReadAsStringAsync()).Should().Contain("User is not active (status = \\\"suspended\\\")");
        }

        Fixture.Upstream.Requests.Should().BeEmpty();
        (await Api.As(token).GetAsync("/api/v2/users/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using (var login = await ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/login", new { email = dev.Email, password = ApiClient.Password }))
        {
            login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await login.Content.ReadAsStringAsync()).Should().Contain("Your account is suspended. Contact an admin to reactivate your account.");
        }

        (await Api.As(owner.Token).PutAsync($"/api/v2/users/{dev.Id}/status/activate", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await gateway.PostAsync("/api/v2/aibridge/anthropic/v1/messages", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode
            .Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_owners_suspend_and_nobody_suspends_themselves()
    {
        var owner = await Api.CreateOwnerAsync();
        var auditor = await Api.CreateUserAsync(owner, "auditor", "auditor");

        (await Api.As(auditor.Token).PutAsync($"/api/v2/users/{owner.Id}/status/suspend", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var self = await Api.As(owner.Token).PutAsync("/api/v2/users/me/status/suspend", null);
        self.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await self.Content.ReadAsStringAsync()).Should().Contain("You cannot suspend yourself.");
    }

    [Fact]
    public async Task Logout_deletes_the_session_and_clears_the_cookie()
    {
        var owner = await Api.CreateOwnerAsync();

        using var response = await Api.As(owner.Token).PostAsync("/api/v2/users/logout", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"message":"Logged out!"}""");
        response.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith("coder_session_token=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970"));
        (await Api.As(owner.Token).GetAsync("/api/v2/users/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Passwords_change_with_the_old_one_or_by_an_owner_and_other_sessions_end()
    {
        var owner = await Api.CreateOwnerAsync();
        var dev = await Api.CreateUserAsync(owner, "dev");
        var otherSession = await Api.LoginAsync(dev.Email);
        var devToken = await Api.CreateTokenAsync(dev);

        using (var wrong = await ApiClient.PutJsonAsync(Api.As(dev.Token), "/api/v2/users/me/password", new { old_password = "not-it-at-all", password = "a-new-long-password" }))
        {
            wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await wrong.Content.ReadAsStringAsync()).Should().Contain("Old password is incorrect.");
        }

        using (var weak = await ApiClient.PutJsonAsync(Api.As(dev.Token), "/api/v2/users/me/password", new { old_password = ApiClient.Password, password = "short" }))
        {
            weak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await weak.Content.ReadAsStringAsync()).Should().Contain("Password not strong enough!");
        }

        (await ApiClient.PutJsonAsync(Api.As(dev.Token), "/api/v2/users/me/password", new { old_password = ApiClient.Password, password = "a-new-long-password" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Api.As(dev.Token).GetAsync("/api/v2/users/me")).StatusCode.Should().Be(HttpStatusCode.OK, "the session that changed it stays");
        (await Api.As(otherSession).GetAsync("/api/v2/users/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "other login sessions end");
        (await Api.As(devToken).GetAsync("/api/v2/users/me")).StatusCode.Should().Be(HttpStatusCode.OK, "named tokens stay");
        (await ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/login", new { email = dev.Email, password = ApiClient.Password })).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized);
        await Api.LoginAsync(dev.Email, "a-new-long-password");

        (await ApiClient.PutJsonAsync(Api.As(dev.Token), $"/api/v2/users/{owner.Id}/password", new { password = "taking-over-now" })).StatusCode
            .Should().Be(HttpStatusCode.Forbidden);
        (await ApiClient.PutJsonAsync(Api.As(owner.Token), $"/api/v2/users/{dev.Id}/password", new { password = "reset-by-the-owner" })).StatusCode
            .Should().Be(HttpStatusCode.NoContent);
        await Api.LoginAsync(dev.Email, "reset-by-the-owner");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UserLifecycleTests_Sqlite(SqliteFixture fixture) : UserLifecycleTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class UserLifecycleTests_Postgres(PostgresFixture fixture) : UserLifecycleTests(fixture);
