using System.Net;
using System.Text;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary><c>AIBridge:Metrics:PerUserLabels</c>: with it off, no series names a user, and the per-user counts add up into one series.</summary>
[Collection(MetricsCollection.Name)]
public sealed class PerUserLabelsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_initiator_label_follows_the_setting(bool perUser)
    {
        // A provider of the test's own: the scrape also shows the series of other hosts in the test process.
        var provider = $"claude-labels-{perUser.ToString().ToLowerInvariant()}";
        await using var host = await TemporaryHost.StartAsync(upstream =>
            [($"AIBridge:Providers:{provider}:Type", "anthropic"), ($"AIBridge:Providers:{provider}:BaseUrl", upstream),
             ("AIBridge:Metrics:PerUserLabels", perUser.ToString())]);
        var owner = await host.Api.CreateOwnerAsync();
        var member = await host.Api.CreateUserAsync(owner, "member");
        host.Upstream.RespondWithEvents(ProviderFixtures.AnthropicStream);
        foreach (var user in new[] { owner, member })
        {
            using var client = host.Api.Anonymous();
            client.DefaultRequestHeaders.Add("X-Api-Key", await host.Api.CreateTokenAsync(user));
            using var response = await client.PostAsync($"/api/v2/aibridge/{provider}/v1/messages",
                new StringContent(ProviderFixtures.AnthropicRequest, Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            await response.Content.ReadAsStringAsync();
        }

        using var scraper = host.Api.Anonymous();
        var series = (await scraper.GetStringAsync("/metrics")).Split('\n')
            .Where(line => line.StartsWith("aibridge_", StringComparison.Ordinal) && line.Contains($"provider=\"{provider}\"", StringComparison.Ordinal))
            .ToList();

        foreach (var name in new[] { "aibridge_interceptions_total{", "aibridge_prompts_total{", "aibridge_tokens_total{" })
        {
            var lines = series.Where(s => s.StartsWith(name, StringComparison.Ordinal)).ToList();
            lines.Should().NotBeEmpty(name);
            if (perUser)
            {
                lines.Should().Contain(l => l.Contains($"initiator_id=\"{owner.Id}\"")).And.Contain(l => l.Contains($"initiator_id=\"{member.Id}\""));
            }
            else
            {
                lines.Should().NotContain(l => l.Contains("initiator_id"));
            }
        }

        var completed = series.Where(s => s.StartsWith("aibridge_interceptions_total{", StringComparison.Ordinal) && s.Contains("status=\"completed\""))
            .Select(s => double.Parse(s[(s.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        completed.Sum().Should().Be(2);
        completed.Should().HaveCount(perUser ? 2 : 1);
    }
}
