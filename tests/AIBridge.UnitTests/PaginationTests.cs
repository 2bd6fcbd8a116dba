using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;

namespace AIBridge.UnitTests;

public sealed class PaginationTests
{
    [Theory]
    [InlineData("", null, 100, 0)]
    [InlineData("limit=0", null, 100, 0)]
    [InlineData("limit=5&offset=7", null, 5, 7)]
    [InlineData("limit=1000&offset=%2B3", null, 1000, 3)]
    [InlineData("limit=&offset=&after_id=", null, 100, 0)]
    [InlineData("after_id=6F9619FF-8B86-D011-B42D-00C04FC964FF", "6f9619ff-8b86-d011-b42d-00c04fc964ff", 100, 0)]
    public void Parses_with_defaults(string query, string? afterId, int limit, int offset)
    {
        var errors = new List<ValidationError>();

        var page = Pagination.Parse(Query(query), errors);

        errors.Should().BeEmpty();
        page.Should().Be(new Pagination(afterId is null ? null : Guid.Parse(afterId), limit, offset));
    }

    [Theory]
    [InlineData("limit=-1", "limit", "Query param \"limit\" must be a valid 32-bit positive integer: value is negative")]
    [InlineData("limit=abc", "limit", "Query param \"limit\" must be a valid 32-bit positive integer: invalid syntax")]
    [InlineData("offset=1.5", "offset", "Query param \"offset\" must be a valid 32-bit positive integer: invalid syntax")]
    [InlineData("offset=%205", "offset", "Query param \"offset\" must be a valid 32-bit positive integer: invalid syntax")]
    [InlineData("limit=99999999999", "limit", "Query param \"limit\" must be a valid 32-bit positive integer: value out of range")]
    [InlineData("offset=2147483648", "offset", "Query param \"offset\" must be a valid 32-bit positive integer: value out of range")]
    [InlineData("limit=%D9%A3", "limit", "Query param \"limit\" must be a valid 32-bit positive integer: invalid syntax")]
    [InlineData("after_id=nope", "after_id", "Query param \"after_id\" must be a valid uuid")]
    [InlineData("limit=1&limit=2", "limit", "Query param \"limit\" provided more than once, found 2 times. Only provide 1 instance of this query param.")]
    public void Reports_each_problem(string query, string field, string detail)
    {
        var errors = new List<ValidationError>();

        Pagination.Parse(Query(query), errors).Should().BeNull();

        errors.Should().Equal(new ValidationError(field, detail));
    }

    [Fact]
    public void Collects_every_problem_at_once()
    {
        var errors = new List<ValidationError>();

        Pagination.Parse(Query("after_id=x&limit=y&offset=-1"), errors);

        errors.Select(e => e.Field).Should().Equal("after_id", "limit", "offset");
    }

    internal static QueryParameters Query(string query) =>
        new(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => p.Value.Select(v => v ?? "").ToArray()));
}
