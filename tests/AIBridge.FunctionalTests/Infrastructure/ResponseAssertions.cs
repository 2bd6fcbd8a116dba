using System.Net;
using System.Text.Json;

namespace AIBridge.FunctionalTests.Infrastructure;

public static class ResponseAssertions
{
    /// <summary>Asserts status and the API's error envelope; returns the body for further checks.</summary>
    public static async Task<JsonElement> ShouldBeErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string message, string? detail = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        body.GetProperty("message").GetString().Should().Be(message);
        if (detail is not null)
        {
            body.GetProperty("detail").GetString().Should().Be(detail);
        }

        return body;
    }

    public static IEnumerable<(string Field, string Detail)> Validations(this JsonElement body) =>
        body.TryGetProperty("validations", out var v)
            ? v.EnumerateArray().Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("detail").GetString()!))
            : [];
}
