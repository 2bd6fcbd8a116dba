using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Users;

public abstract class UsersTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task First_user_is_an_owner_and_can_sign_in()
    {
        var owner = await Api.CreateOwnerAsync("alice");

        var me = await Api.As(owner.Token).GetAsync("/api/v2/users/me");

        me.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await ApiClient.ReadJsonAsync(me);
        body.GetProperty("id").GetGuid().Should().Be(owner.Id);
        body.GetProperty("username").GetString().Should().Be("alice");
        body.GetProperty("email").GetString().Should().Be("alice@example.com");
        body.GetProperty("name").GetString().Should().Be("");
        body.GetProperty("avatar_url").GetString().Should().Be("");
        body.GetProperty("status").GetString().Should().Be("active");
        body.GetProperty("roles").GetRawText().Should().Be("""[{"name":"owner","display_name":"Owner"}]""");
        body.GetProperty("created_at").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$");
    }

    [Fact]
    public async Task Second_first_user_is_a_conflict()
    {
        await Api.CreateOwnerAsync();

        var again = await ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/first",
            new { email = "bob@example.com", username = "bob", password = ApiClient.Password });

        await again.ShouldBeErrorAsync(HttpStatusCode.Conflict, "The initial user has already been created.");
    }

    [Fact]
    public async Task Concurrent_first_user_requests_create_exactly_one_user()
    {
        var attempts = Enumerable.Range(0, 6).Select(i => ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/first",
            new { email = $"u{i}@example.com", username = $"u{i}", password = ApiClient.Password }));

        var responses = await Task.WhenAll(attempts);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(5);
        await using var db = Fixture.CreateDbContext();
        db.Users.Count().Should().Be(1);
    }

    [Fact]
    public async Task First_user_body_is_validated_before_the_conflict_and_password_strength_after()
    {
        var invalid = await ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/first",
            new { email = "not-an-email", username = "bad name", name = " padded " });

        var body = await invalid.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Validation failed.");
        body.Validations().Should().BeEquivalentTo(new[]
        {
            ("email", "Validation failed for tag \"email\" with value: \"not-an-email\""),
            ("username", "Validation failed for tag \"username\" with value: \"bad name\""),
            ("password", "Validation failed for tag \"required\" with value: \"\""),
            ("name", "Validation failed for tag \"user_real_name\" with value: \" padded \""),
        });

        var weak = await ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/first",
            new { email = "a@example.com", username = "a", password = "short" });
        body = await weak.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Password not strong enough!");
        body.Validations().Should().Equal(("password", "password must be at least 8 characters"));

        await Api.CreateOwnerAsync();
        var weakAfterFirst = await ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/first",
            new { email = "b@example.com", username = "b", password = "short" });
        await weakAfterFirst.ShouldBeErrorAsync(HttpStatusCode.Conflict, "The initial user has already been created.");
    }

    [Fact]
    public async Task Oversized_fields_are_validation_errors_not_database_errors()
    {
        var owner = await Api.CreateOwnerAsync();
        var longLocal = new string('a', 330);

        var response = await ApiClient.PostJsonAsync(Api.As(owner.Token), "/api/v2/users",
            new { email = $"{longLocal}@example.com", username = new string('b', 40), password = new string('c', 300), name = new string('d', 200) });

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Validation failed.");
        body.Validations().Select(v => v.Field).Should().BeEquivalentTo("email", "username", "name");
    }

    [Fact]
    public async Task Control_characters_in_names_are_validation_errors_not_database_errors()
    {
        var owner = await Api.CreateOwnerAsync();

        var user = await ApiClient.PostJsonAsync(Api.As(owner.Token), "/api/v2/users",
            new { email = "nul@example.com", username = "nul", password = ApiClient.Password, name = "a\u0000b" });
        var token = await ApiClient.PostJsonAsync(Api.As(owner.Token), "/api/v2/users/me/keys/tokens", new { token_name = "a\u0000b" });
        var login = await ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/login", new { email = "a\u0000b@example.com", password = "x" });

        (await user.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Validation failed.")).Validations().Select(v => v.Field).Should().Equal("name");
        (await token.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Validation failed.")).Validations().Select(v => v.Field).Should().Equal("token_name");
        ((int)login.StatusCode).Should().BeInRange(400, 499);
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"email\": 5}")]
    public async Task Body_that_is_not_json_is_a_400(string payload)
    {
        var response = await Api.Anonymous().PostAsync("/api/v2/users/first",
            new StringContent(payload, System.Text.Encoding.UTF8, "application/json"));

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Request body must be valid JSON.");
        body.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Login_is_case_insensitive_on_email_and_rejects_wrong_password()
    {
        await Api.CreateOwnerAsync("carol");

        (await Api.LoginAsync("CAROL@Example.com")).Should().MatchRegex("^[0-9A-Za-z]{10}-[0-9A-Za-z]{22}$");

        var wrong = await ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/login", new { email = "carol@example.com", password = "wrong-password" });
        await wrong.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "Incorrect email or password.");
        var unknown = await ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/login", new { email = "nobody@example.com", password = "wrong-password" });
        await unknown.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "Incorrect email or password.");
    }

    [Fact]
    public async Task Login_sets_the_session_cookie()
    {
        await Api.CreateOwnerAsync();

        var response = await ApiClient.PostJsonAsync(Api.Anonymous(), "/api/v2/users/login", new { email = "owner@example.com", password = ApiClient.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        cookie.Should().StartWith("coder_session_token=").And.Contain("httponly").And.Contain("samesite=lax").And.Contain("path=/");
    }

    [Fact]
    public async Task Owner_creates_users_and_duplicates_conflict()
    {
        var owner = await Api.CreateOwnerAsync();

        var created = await ApiClient.PostJsonAsync(Api.As(owner.Token), "/api/v2/users",
            new { email = "dave@example.com", username = "dave", password = ApiClient.Password, name = "Dave D" });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await ApiClient.ReadJsonAsync(created);
        body.GetProperty("roles").GetArrayLength().Should().Be(0);
        body.GetProperty("name").GetString().Should().Be("Dave D");

        var sameName = await ApiClient.PostJsonAsync(Api.As(owner.Token), "/api/v2/users",
            new { email = "other@example.com", username = "DAVE", password = ApiClient.Password });
        await sameName.ShouldBeErrorAsync(HttpStatusCode.Conflict, "User already exists.");
        var sameEmail = await ApiClient.PostJsonAsync(Api.As(owner.Token), "/api/v2/users",
            new { email = "Dave@example.com", username = "dave2", password = ApiClient.Password });
        await sameEmail.ShouldBeErrorAsync(HttpStatusCode.Conflict, "User already exists.");
    }

    [Fact]
    public async Task Member_cannot_create_users_or_change_roles()
    {
        var owner = await Api.CreateOwnerAsync();
        var member = await Api.CreateUserAsync(owner, "member");

        var create = await ApiClient.PostJsonAsync(Api.As(member.Token), "/api/v2/users",
            new { email = "x@example.com", username = "x", password = ApiClient.Password });
        await create.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "You are not authorized to create users.");

        var roles = await ApiClient.PutJsonAsync(Api.As(member.Token), $"/api/v2/users/{owner.Id}/roles", new { roles = Array.Empty<string>() });
        await roles.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "Forbidden.",
            "You don't have permission to view this content. If you believe this is a mistake, please contact your administrator or try signing in with different credentials.");

        var auditor = await Api.CreateUserAsync(owner, "auditor", "auditor");
        var byAuditor = await ApiClient.PostJsonAsync(Api.As(auditor.Token), "/api/v2/users",
            new { email = "y@example.com", username = "y", password = ApiClient.Password });
        byAuditor.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Roles_are_replaced_sorted_and_deduplicated()
    {
        var owner = await Api.CreateOwnerAsync();
        var user = await Api.CreateUserAsync(owner, "erin");

        var updated = await ApiClient.PutJsonAsync(Api.As(owner.Token), "/api/v2/users/erin/roles", new { roles = new[] { "owner", "auditor", "owner" } });

        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApiClient.ReadJsonAsync(updated)).GetProperty("roles").GetRawText()
            .Should().Be("""[{"name":"auditor","display_name":"Auditor"},{"name":"owner","display_name":"Owner"}]""");

        var cleared = await ApiClient.PutJsonAsync(Api.As(owner.Token), $"/api/v2/users/{user.Id}/roles", new { roles = Array.Empty<string>() });
        (await ApiClient.ReadJsonAsync(cleared)).GetProperty("roles").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Role_changes_reject_unknown_roles_unknown_users_and_oneself()
    {
        var owner = await Api.CreateOwnerAsync();
        await Api.CreateUserAsync(owner, "frank");

        var unknownRole = await ApiClient.PutJsonAsync(Api.As(owner.Token), "/api/v2/users/frank/roles", new { roles = new[] { "admin" } });
        var body = await unknownRole.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Validation failed.");
        body.Validations().Should().Equal(("roles", "Unknown role \"admin\". Allowed roles: owner, auditor."));

        var unknownUser = await ApiClient.PutJsonAsync(Api.As(owner.Token), "/api/v2/users/nobody/roles", new { roles = new[] { "auditor" } });
        await unknownUser.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "\"user\" must be an existing uuid or username.");

        var self = await ApiClient.PutJsonAsync(Api.As(owner.Token), "/api/v2/users/me/roles", new { roles = new[] { "auditor" } });
        await self.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "You cannot change your own roles.");
    }

    [Fact]
    public async Task User_parameter_accepts_id_username_and_me()
    {
        var owner = await Api.CreateOwnerAsync("grace");
        var client = Api.As(owner.Token);

        foreach (var reference in new[] { "me", "grace", "GRACE", owner.Id.ToString() })
        {
            var response = await client.GetAsync($"/api/v2/users/{reference}/keys/tokens");
            response.StatusCode.Should().Be(HttpStatusCode.OK, reference);
        }

        var unknown = await client.GetAsync($"/api/v2/users/{Guid.NewGuid()}/keys/tokens");
        await unknown.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "\"user\" must be an existing uuid or username.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UsersTests_Sqlite(SqliteFixture fixture) : UsersTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class UsersTests_Postgres(PostgresFixture fixture) : UsersTests(fixture);
