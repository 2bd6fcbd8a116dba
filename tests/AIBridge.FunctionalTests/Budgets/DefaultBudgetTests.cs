using System.Net;
using System.Text;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Budgets;

/// <summary>The configured default budget: for every user without one of their own.</summary>
public sealed class DefaultBudgetTests
{
    [Fact]
    public async Task Users_without_their_own_budget_get_the_default_and_a_spent_one_refuses_in_the_OpenAI_format()
    {
        await using var host = await TemporaryHost.StartAsync(null, ("AIBridge:Budgets:DefaultMonthlyLimitMicros", "0"));
        var owner = await host.Api.CreateOwnerAsync();
        var token = await host.Api.CreateTokenAsync(owner);

        var budget = await host.Api.GetOkAsync(owner, "/api/v2/users/me/budget");
        budget.GetProperty("source").GetString().Should().Be("default");
        budget.GetProperty("monthly_limit_micros").GetInt64().Should().Be(0);

        var client = host.Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsync("/api/v2/aibridge/openai/v1/chat/completions",
            new StringContent("""{"model":"gpt-4.1","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.GetValues("x-should-retry").Should().Equal("false");
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        error.GetProperty("type").GetString().Should().Be("insufficient_quota");
        error.GetProperty("code").GetString().Should().Be("insufficient_quota");
        host.Upstream.Requests.Should().BeEmpty();
    }
}
