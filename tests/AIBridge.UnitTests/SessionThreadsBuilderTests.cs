using AIBridge.Application.Audit.Threads;

namespace AIBridge.UnitTests;

public sealed class SessionThreadsBuilderTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("sk-a...wxyz", "sk-a...wxyz")]
    [InlineData("123456789...123", "123456789...123")]
    [InlineData("1234567890...123", "...")]
    [InlineData("sk-ant-api03-secret", "...")]
    [InlineData("sk-a..wxyz", "...")]
    public void Hints_are_shown_only_when_they_look_masked(string stored, string shown) =>
        SessionThreadsBuilder.SanitiseHint(stored).Should().Be(shown);
}

public sealed class TokenMetadataAggregatorTests
{
    [Fact]
    public void Sums_integer_leaves_flattening_nested_objects()
    {
        var sum = TokenMetadataAggregator.Sum([
            """{"cache_read_input":20,"cache_creation_input":10}""",
            """{"cache_read_input":30,"cache":{"read":{"deep":1}},"as_text":"7","negative":-2}""",
            """{"cache":{"read":{"deep":2}},"as_text":"8","negative":"-3"}""",
        ]);

        sum.Should().Equal(new Dictionary<string, long>
        {
            ["as_text"] = 15, ["cache.read.deep"] = 3, ["cache_creation_input"] = 10, ["cache_read_input"] = 50, ["negative"] = -5,
        });
        sum.Keys.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void Skips_everything_that_is_not_an_integer()
    {
        var sum = TokenMetadataAggregator.Sum([
            """{"fraction":1.5,"exponent":1e3,"big":99999999999999999999,"text":"x","spaced":" 5","flag":true,"none":null,"list":[1,2]}""",
            "not json",
            "[1,2,3]",
            "",
            null,
            "{}",
        ]);

        sum.Should().BeEmpty();
    }
}
