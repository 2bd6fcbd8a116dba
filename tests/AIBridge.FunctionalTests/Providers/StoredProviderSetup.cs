using System.Net;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Providers;

/// <summary>Adds a provider through the API, as an owner does, and returns it as the API answered.</summary>
public static class StoredProviderSetup
{
    public static async Task<JsonElement> AddAsync(ApiClient api, TestUser owner, object provider)
    {
        var response = await ApiClient.PostJsonAsync(api.As(owner.Token), ProvidersApiTests.Path, provider);
        var body = await ApiClient.ReadJsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.Created, body.ToString());
        return body;
    }
}
