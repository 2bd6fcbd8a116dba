using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;

namespace AIBridge.UnitTests;

public sealed class SearchQueryTests
{
    private static readonly string[] InterceptionKeys = ["initiator", "provider", "model", "client", "started_after", "started_before"];

    [Fact]
    public void Field_terms_keep_value_case_and_lower_keys()
    {
        var errors = new List<ValidationError>();

        var q = SearchQuery.Parse("PROVIDER:OpenAI model:\"gpt 4\" client:Cursor", InterceptionKeys, "initiator", errors);

        errors.Should().BeEmpty();
        q["provider"].Should().Be("OpenAI");
        q["model"].Should().Be("gpt 4");
        q["client"].Should().Be("Cursor");
        q["initiator"].Should().BeNull();
    }

    [Fact]
    public void Bare_words_form_one_value_of_the_default_key()
    {
        var errors = new List<ValidationError>();

        var q = SearchQuery.Parse("  alice   smith provider:x ", InterceptionKeys, "initiator", errors);

        errors.Should().BeEmpty();
        q["initiator"].Should().Be("alice smith");
        q["provider"].Should().Be("x");
    }

    [Theory]
    [InlineData(":foo", "Query element \":foo\" cannot start or end with ':'")]
    [InlineData("provider:", "Query element \"provider:\" cannot start or end with ':'")]
    [InlineData("model:a:b provider:x", "Query element \"model:a:b\" can only contain 1 ':'")]
    public void Malformed_elements_stop_with_a_single_error(string text, string detail)
    {
        var errors = new List<ValidationError>();

        SearchQuery.Parse(text + " bogus:1", InterceptionKeys, "initiator", errors);

        errors.Should().Equal(new ValidationError("q", detail));
    }

    [Fact]
    public void Unknown_and_repeated_keys_are_all_reported()
    {
        var errors = new List<ValidationError>();

        SearchQuery.Parse("bogus:1 initiator:a bob session_id:s", InterceptionKeys, "initiator", errors);

        errors.Should().BeEquivalentTo(new[]
        {
            new ValidationError("bogus", "\"bogus\" is not a valid query param"),
            new ValidationError("initiator", "Query param \"initiator\" provided more than once, found 2 times. Only provide 1 instance of this query param."),
            new ValidationError("session_id", "\"session_id\" is not a valid query param"),
        });
    }

    [Fact]
    public void Bare_words_are_rejected_without_a_default_key()
    {
        var errors = new List<ValidationError>();

        SearchQuery.Parse("alice", InterceptionKeys, defaultKey: null, errors);

        errors.Should().Equal(new ValidationError("q", "no search key specified"));
    }

    [Theory]
    [InlineData("started_after:\"2025-01-01T00:00:00Z\"", "2025-01-01T00:00:00.0000000Z")]
    [InlineData("started_after:\"2025-01-01t02:00:00.123456789+02:00\"", "2025-01-01T00:00:00.1234567Z")]
    [InlineData("started_after:2026-12-03", "2026-12-03T00:00:00.0000000Z")]
    public void Timestamps_are_rfc3339_in_utc(string text, string expected)
    {
        var errors = new List<ValidationError>();

        var value = SearchQuery.Parse(text, InterceptionKeys, "initiator", errors).Timestamp("started_after", errors);

        errors.Should().BeEmpty();
        value!.Value.Kind.Should().Be(DateTimeKind.Utc);
        value.Value.ToString("O").Should().Be(expected);
    }

    [Fact]
    public void Invalid_date_and_unknown_key_give_two_validations()
    {
        var errors = new List<ValidationError>();

        SearchQuery.Parse("started_after:\"nope\" bogus:1", InterceptionKeys, "initiator", errors).TimeWindow(errors);

        errors.Should().HaveCount(2);
        errors.Should().ContainSingle(e => e.Field == "started_after").Which.Detail
            .Should().StartWith("Query param \"started_after\" must be a date such as 2026-12-03 (midnight UTC) or a time such as \"2026-12-03T15:04:05Z\" (quoted, for its colons): cannot parse");
        errors.Should().ContainSingle(e => e.Field == "bogus");
    }

    [Theory]
    [InlineData("2025-01-02T00:00:00Z", "2025-01-01T00:00:00Z")]
    [InlineData("2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z")]
    public void Reversed_or_empty_windows_are_rejected(string after, string before)
    {
        var errors = new List<ValidationError>();

        SearchQuery.Parse($"started_after:\"{after}\" started_before:\"{before}\"", InterceptionKeys, "initiator", errors).TimeWindow(errors);

        errors.Should().Equal(new ValidationError("started_before",
            "Query param \"started_before\" has invalid value: \"started_before\" must be after \"started_after\" if set"));
    }
}
