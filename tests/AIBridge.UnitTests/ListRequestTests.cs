using AIBridge.Application.Audit;
using AIBridge.Application.Common.Exceptions;

namespace AIBridge.UnitTests;

/// <summary>The stage order of read API §7/§8: syntax, cursor with offset, limit range, then q.</summary>
public sealed class ListRequestTests
{
    [Theory]
    [InlineData("limit=1001", "Invalid pagination limit value.", "Pagination limit must be in range (0, 1000]")]
    [InlineData("limit=1001&after_id=6f9619ff-8b86-d011-b42d-00c04fc964ff&offset=2", "Query parameters have invalid values.", "Cannot use both after_id and offset pagination in the same request.")]
    [InlineData("limit=x&after_id=6f9619ff-8b86-d011-b42d-00c04fc964ff&offset=2", "Query parameters have invalid values.", null)]
    public void Stops_at_the_first_failing_stage(string query, string message, string? detail)
    {
        var errors = new List<ValidationError>();

        ListRequest.Parse(PaginationTests.Query(query + "&q=bogus:1"), ListEndpoint.Interceptions, errors, out var envelope).Should().BeNull();

        envelope!.Message.Should().Be(message);
        envelope.Detail.Should().Be(detail);
        errors.Should().NotContain(e => e.Field == "bogus");
    }

    [Fact]
    public void Session_cursor_conflicts_with_offset_and_after_id_does_not()
    {
        var errors = new List<ValidationError>();

        ListRequest.Parse(PaginationTests.Query("after_session_id=s&offset=1"), ListEndpoint.Sessions, errors, out var envelope).Should().BeNull();
        envelope!.Detail.Should().Be("Cannot use both after_session_id and offset pagination in the same request.");

        var request = ListRequest.Parse(PaginationTests.Query("after_id=6f9619ff-8b86-d011-b42d-00c04fc964ff&offset=1"), ListEndpoint.Sessions, errors, out envelope);
        envelope.Should().BeNull();
        request!.Page.Offset.Should().Be(1);
    }

    [Fact]
    public void Search_problems_are_left_for_the_caller_to_join()
    {
        var errors = new List<ValidationError>();

        var request = ListRequest.Parse(PaginationTests.Query("q=bogus:1%20provider:a"), ListEndpoint.Sessions, errors, out var envelope);

        envelope.Should().BeNull();
        request!.Search["provider"].Should().Be("a");
        errors.Should().Equal(new ValidationError("bogus", "\"bogus\" is not a valid query param"));
    }
}
