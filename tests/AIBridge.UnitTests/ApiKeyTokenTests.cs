using AIBridge.Domain.ApiKeys;

namespace AIBridge.UnitTests;

public sealed class ApiKeyTokenTests
{
    [Fact]
    public void Generated_tokens_have_the_documented_shape_and_differ()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => ApiKeyToken.Generate().Value).ToList();

        tokens.Should().AllSatisfy(t => t.Should().MatchRegex("^[0-9A-Za-z]{10}-[0-9A-Za-z]{22}$"));
        tokens.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Round_trips_and_matches_only_its_own_hash()
    {
        var token = ApiKeyToken.Generate();

        ApiKeyToken.TryParse(token.Value, out var parsed, out _).Should().BeTrue();

        parsed!.Matches(ApiKeyToken.HashSecret(token.Secret)).Should().BeTrue();
        parsed.Matches(ApiKeyToken.HashSecret(token.Secret + "x")).Should().BeFalse();
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        var token = ApiKeyToken.Generate();

        token.ToString().Should().NotContain(token.Secret).And.StartWith(token.Id);
    }

    [Theory]
    [InlineData("", "Invalid API key format: incorrect amount of API key parts, expected 2 got 1")]
    [InlineData("a-b-c", "Invalid API key format: incorrect amount of API key parts, expected 2 got 3")]
    [InlineData("abc-abcdefghijklmnopqrstuv", "Invalid API key format: invalid API key ID length, expected 10 got 3")]
    [InlineData("abcdefghij-", "Invalid API key format: invalid API key secret length, expected 22 got 0")]
    public void Format_errors_say_what_is_wrong(string value, string error)
    {
        ApiKeyToken.TryParse(value, out var token, out var message).Should().BeFalse();
        token.Should().BeNull();
        message.Should().Be(error);
    }
}
