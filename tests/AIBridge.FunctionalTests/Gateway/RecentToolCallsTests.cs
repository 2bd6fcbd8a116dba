using AIBridge.Infrastructure.Recording;

namespace AIBridge.FunctionalTests.Gateway;

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
}
