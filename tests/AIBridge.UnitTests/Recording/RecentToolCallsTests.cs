using AIBridge.Infrastructure.Recording;

namespace AIBridge.UnitTests.Recording;

public sealed class RecentToolCallsTests
{
    [Fact]
    public void Thread_roots_are_bounded_by_count_and_the_oldest_go_first()
    {
        var recent = new RecentToolCalls(maxRoots: 3);
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var root = Guid.NewGuid();

        foreach (var id in ids)
        {
            recent.SetRoot(id, root);
        }

        recent.SetRoot(ids[4], ids[4]);

        ids[..2].Select(recent.FindRoot).Should().OnlyContain(found => found == null);
        recent.FindRoot(ids[2]).Should().Be(root);
        recent.FindRoot(ids[3]).Should().Be(root);
        recent.FindRoot(ids[4]).Should().Be(ids[4], "setting a root again replaces it without counting twice");
    }

    [Fact]
    public void A_call_qualifies_by_its_callers_start_and_the_most_recent_call_wins()
    {
        var recent = new RecentToolCalls();
        var t = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
        var (early, late, after) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        recent.Add("toolu_1", early, startedAt: t, createdAt: t.AddSeconds(1));
        recent.Add("toolu_1", late, startedAt: t.AddSeconds(2), createdAt: t.AddSeconds(9));
        recent.Add("toolu_1", after, startedAt: t.AddSeconds(6), createdAt: t.AddSeconds(7));

        recent.FindCall("toolu_1", before: t.AddSeconds(5)).Should().Be(late, "parsed after the answer started, but its caller started before");
        recent.FindCall("toolu_1", before: t.AddSeconds(2)).Should().Be(early);
        recent.FindCall("toolu_1", before: t).Should().BeNull();
        recent.FindCall("toolu_2", before: t.AddSeconds(5)).Should().BeNull();
    }
}
