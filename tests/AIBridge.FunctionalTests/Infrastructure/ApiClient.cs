using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>A user known to a test: who they are and the session token they act with.</summary>
public sealed record TestUser(Guid Id, string Username, string Email, string Token);

/// <summary>Real HTTP calls to the hosted AIBridge, plus the set-up steps most tests share.</summary>
/// <param name="createClient">A new client of the host, its base address set.</param>
public sealed class ApiClient(Func<HttpClient> createClient)
{
    public const string Password = "correct-horse-battery";

    public ApiClient(WebApplicationFactory<Program> factory)
        : this(factory.CreateClient)
    {
    }

    /// <summary>An AIBridge in a process of its own, at <paramref name="baseAddress"/>.</summary>
    public ApiClient(Uri baseAddress)
        : this(() => new HttpClient { BaseAddress = baseAddress })
    {
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public HttpClient Anonymous() => createClient();

    public HttpClient As(string token)
    {
        var client = createClient();
        client.DefaultRequestHeaders.Add("Coder-Session-Token", token);
        return client;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, Json);

    public static Task<HttpResponseMessage> PatchJsonAsync(HttpClient client, string path, object body) =>
        client.PatchAsJsonAsync(path, body, Json);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>GET as <paramref name="user"/>, asserting 200; the body as JSON.</summary>
    public async Task<JsonElement> GetOkAsync(TestUser user, string path)
    {
        var response = await As(user.Token).GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<TestUser> CreateOwnerAsync(string username = "owner")
    {
        var email = $"{username}@example.com";
        var created = await PostJsonAsync(Anonymous(), "/api/v2/users/first", new { email, username, password = Password });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await ReadJsonAsync(created)).GetProperty("user_id").GetGuid();
        return new TestUser(id, username, email, await LoginAsync(email));
    }

    /// <summary>Creates a user through the API as <paramref name="owner"/>, sets its roles, and signs it in.</summary>
    public async Task<TestUser> CreateUserAsync(TestUser owner, string username, params string[] roles)
    {
        var email = $"{username}@example.com";
        var created = await PostJsonAsync(As(owner.Token), "/api/v2/users", new { email, username, password = Password });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();
        if (roles.Length > 0)
        {
            var updated = await PutJsonAsync(As(owner.Token), $"/api/v2/users/{id}/roles", new { roles });
            updated.StatusCode.Should().Be(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        }

        return new TestUser(id, username, email, await LoginAsync(email));
    }

    public async Task<string> LoginAsync(string email, string password = Password)
    {
        var response = await PostJsonAsync(Anonymous(), "/api/v2/users/login", new { email, password });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await ReadJsonAsync(response)).GetProperty("session_token").GetString()!;
    }

    /// <summary>The interception as the audit API shows it, once the writer has stored its end.</summary>
    public async Task<JsonElement> EndedInterceptionAsync(TestUser user, string id)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var found = (await GetOkAsync(user, "/api/v2/aibridge/interceptions")).GetProperty("results").EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("id").GetString() == id && i.GetProperty("ended_at").ValueKind == JsonValueKind.String);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the interception should be stored");
            await Task.Delay(50);
        }
    }

    public async Task<string> CreateTokenAsync(TestUser user, object? body = null)
    {
        var response = await PostJsonAsync(As(user.Token), "/api/v2/users/me/keys/tokens", body ?? new { });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await ReadJsonAsync(response)).GetProperty("key").GetString()!;
    }
}
