using System.Net;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AIBridge.FunctionalTests.Users;

/// <summary>What a security team's SIEM receives: one structured line per security event, never a secret.</summary>
public sealed class SecurityLogTests
{
    [Fact]
    public async Task Each_security_event_is_logged_once_with_who_and_from_where_and_no_secret()
    {
        var logs = new CapturedLogs();
        await using var host = await TemporaryHost.StartAsync(logs, ("Logging:LogLevel:AIBridge.Security", "Information"));
        var api = host.Api;
        var owner = await api.CreateOwnerAsync();
        var dev = await api.CreateUserAsync(owner, "dev");
        (await ApiClient.PostJsonAsync(api.Anonymous(), "/api/v2/users/login", new { email = dev.Email, password = "wrong-password-here" })).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized);
        var token = await api.CreateTokenAsync(dev);
        var tokenId = token.Split('-')[0];
        var wrongSecret = tokenId + "-" + new string('x', 22);
        var gateway = api.Anonymous();
        gateway.DefaultRequestHeaders.Add("X-Api-Key", wrongSecret);
        (await gateway.GetAsync("/api/v2/aibridge/anthropic/v1/models")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await api.As(wrongSecret).GetAsync("/api/v2/users/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ApiClient.PutJsonAsync(api.As(owner.Token), $"/api/v2/users/{dev.Id}/roles", new { roles = new[] { "auditor" } })).EnsureSuccessStatusCode();
        (await api.As(owner.Token).PutAsync($"/api/v2/users/{dev.Id}/status/suspend", null)).EnsureSuccessStatusCode();
        (await api.As(owner.Token).PutAsync($"/api/v2/users/{dev.Id}/status/activate", null)).EnsureSuccessStatusCode();
        (await ApiClient.PutJsonAsync(api.As(owner.Token), $"/api/v2/users/{dev.Id}/password", new { password = "a-brand-new-password" })).EnsureSuccessStatusCode();
        (await api.As(owner.Token).DeleteAsync($"/api/v2/users/{dev.Id}/keys/{tokenId}")).EnsureSuccessStatusCode();
        (await api.As(owner.Token).PostAsync("/api/v2/users/logout", null)).EnsureSuccessStatusCode();

        var lines = logs.Lines.Where(l => l.Category == "AIBridge.Security").ToList();
        string[] expected =
        [
            "login_succeeded", "login_failed", "token_created", "authentication_failed", "roles_changed", "user_suspended", "user_activated",
            "password_changed", "token_deleted", "logout",
        ];
        foreach (var name in expected)
        {
            lines.Should().Contain(l => l.Message.StartsWith($"Security event {name}:", StringComparison.Ordinal), name);
        }

        var gatewayFailure = lines.Single(l => l.Message.Contains("reason=gateway anthropic: API key secret is invalid.", StringComparison.Ordinal));
        gatewayFailure.Level.Should().Be(LogLevel.Warning);
        gatewayFailure.Message.Should().Contain($"token_id={tokenId}").And.Contain("username=dev").And.Contain("client_ip=127.0.0.1");
        lines.Should().ContainSingle(l => l.Message.Contains("reason=api GET /api/v2/users/me: API key secret is invalid.", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Message.StartsWith("Security event user_suspended:", StringComparison.Ordinal)
            && l.Message.Contains($"subject_user_id={dev.Id}", StringComparison.Ordinal) && l.Message.Contains("username=owner", StringComparison.Ordinal));

        lines.Should().NotContain(l => l.Message.Contains("/api/v2/users/login:", StringComparison.Ordinal) || l.Message.Contains("/api/v2/users/first:", StringComparison.Ordinal),
            "endpoints that need no token log no authentication failure");

        string[] secrets = [token.Split('-')[1], owner.Token.Split('-')[1], new string('x', 22), "wrong-password-here", "a-brand-new-password", ApiClient.Password];
        logs.Lines.Should().NotContain(l => secrets.Any(s => l.Message.Contains(s, StringComparison.Ordinal)));
    }
}
