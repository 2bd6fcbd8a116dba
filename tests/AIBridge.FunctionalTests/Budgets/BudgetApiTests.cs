using System.Net;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Budgets;

/// <summary><c>PUT/GET/DELETE /api/v2/users/{user}/budget</c>: who may do what, and what a budget shows.</summary>
public abstract class BudgetApiTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task An_owner_sets_a_budget_that_its_user_reads_with_the_month_it_counts()
    {
        var owner = await Api.CreateOwnerAsync();
        var member = await Api.CreateUserAsync(owner, "ana");

        var set = await ApiClient.PutJsonAsync(Api.As(owner.Token), $"/api/v2/users/{member.Username}/budget", new { monthly_limit_micros = 50_000_000 });
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());

        var budget = await Api.GetOkAsync(member, "/api/v2/users/me/budget");
        budget.GetProperty("user_id").GetGuid().Should().Be(member.Id);
        budget.GetProperty("monthly_limit_micros").GetInt64().Should().Be(50_000_000);
        budget.GetProperty("source").GetString().Should().Be("user");
        budget.GetProperty("spent_micros").GetInt64().Should().Be(0);
        budget.GetProperty("reserved_micros").GetInt64().Should().Be(0);
        budget.GetProperty("remaining_micros").GetInt64().Should().Be(50_000_000);
        var start = budget.GetProperty("period_start").GetDateTime().ToUniversalTime();
        var now = DateTime.UtcNow;
        start.Should().Be(new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc));
        budget.GetProperty("period_end").GetDateTime().ToUniversalTime().Should().Be(start.AddMonths(1));
    }

    [Fact]
    public async Task Without_a_budget_a_user_has_no_limit()
    {
        var owner = await Api.CreateOwnerAsync();

        var budget = await Api.GetOkAsync(owner, "/api/v2/users/me/budget");

        budget.GetProperty("source").GetString().Should().Be("none");
        budget.GetProperty("monthly_limit_micros").ValueKind.Should().Be(JsonValueKind.Null);
        budget.GetProperty("remaining_micros").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Members_read_only_their_own_budget_and_change_none()
    {
        var owner = await Api.CreateOwnerAsync();
        var ana = await Api.CreateUserAsync(owner, "ana");
        var auditor = await Api.CreateUserAsync(owner, "audra", "auditor");

        var other = await Api.As(ana.Token).GetAsync($"/api/v2/users/{owner.Id}/budget");
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ApiClient.ReadJsonAsync(other)).GetProperty("message").GetString().Should().Be("You can only see your own budget.");

        (await Api.As(auditor.Token).GetAsync($"/api/v2/users/{ana.Username}/budget")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApiClient.PutJsonAsync(Api.As(ana.Token), "/api/v2/users/me/budget", new { monthly_limit_micros = 1 }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ApiClient.PutJsonAsync(Api.As(auditor.Token), $"/api/v2/users/{ana.Username}/budget", new { monthly_limit_micros = 1 }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.As(ana.Token).DeleteAsync("/api/v2/users/me/budget")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("""{"monthly_limit_micros":-1}""")]
    [InlineData("""{}""")]
    [InlineData("""{"monthly_limit_micros":1000000000000000001}""")]
    public async Task A_limit_out_of_range_is_refused_naming_the_field(string body)
    {
        var owner = await Api.CreateOwnerAsync();

        var response = await Api.As(owner.Token).PutAsync("/api/v2/users/me/budget", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await ApiClient.ReadJsonAsync(response);
        error.GetProperty("validations")[0].GetProperty("field").GetString().Should().Be("monthly_limit_micros");
    }

    [Fact]
    public async Task Deleting_a_budget_removes_the_limit_and_a_second_delete_finds_none()
    {
        var owner = await Api.CreateOwnerAsync();
        var client = Api.As(owner.Token);
        (await ApiClient.PutJsonAsync(client, "/api/v2/users/me/budget", new { monthly_limit_micros = 5 })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.DeleteAsync("/api/v2/users/me/budget")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Api.GetOkAsync(owner, "/api/v2/users/me/budget")).GetProperty("source").GetString().Should().Be("none");
        (await client.DeleteAsync("/api/v2/users/me/budget")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_user_is_a_bad_request()
    {
        var owner = await Api.CreateOwnerAsync();

        var response = await Api.As(owner.Token).GetAsync("/api/v2/users/nobody-here/budget");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BudgetApiTests_Sqlite(SqliteFixture fixture) : BudgetApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class BudgetApiTests_Postgres(PostgresFixture fixture) : BudgetApiTests(fixture);
