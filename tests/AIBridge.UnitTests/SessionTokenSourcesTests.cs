using AIBridge.Web.Authentication;

namespace AIBridge.UnitTests;

public sealed class SessionTokenSourcesTests
{
    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer abc", "abc")]
    [InlineData("  BEARER \t abc  ", "abc")]
    [InlineData("Bearer a b", null)]
    [InlineData("Basic abc", null)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    public void Bearer_parsing(string header, string? expected) =>
        SessionTokenSources.BearerToken(header).Should().Be(expected);
}
