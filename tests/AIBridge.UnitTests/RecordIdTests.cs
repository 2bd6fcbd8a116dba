using System.Collections.Concurrent;
using AIBridge.Domain.Common;

namespace AIBridge.UnitTests;

public sealed class RecordIdTests
{
    private static readonly DateTime At = new(2026, 11, 29, 4, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public void Is_an_RFC_9562_version_7_id_whose_prefix_is_the_time_in_milliseconds()
    {
        var id = RecordId.New(At.AddTicks(4567));

        id.Version.Should().Be(7);
        (id.Variant & 0xC).Should().Be(0x8, "the variant bits are 10");
        var prefix = Convert.ToInt64(id.ToString("N")[..12], 16);
        prefix.Should().Be(new DateTimeOffset(At).ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Sorts_by_time_like_the_runtime_s_own_version_7_ids()
    {
        var earlier = RecordId.New(At);
        var later = RecordId.New(At.AddMilliseconds(1));

        string.CompareOrdinal(earlier.ToString(), later.ToString()).Should().BeNegative();
        RecordId.New(At).ToString()[..13].Should().Be(Guid.CreateVersion7(new DateTimeOffset(At)).ToString()[..13]);
    }

    [Fact]
    public void Stays_unique_across_many_draws_and_threads()
    {
        // Well past one draw of random bytes per thread, on several threads at the same millisecond.
        var ids = new ConcurrentBag<Guid>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                ids.Add(RecordId.New(At));
            }
        });

        ids.Distinct().Should().HaveCount(16_000);
        ids.Select(id => id.ToString("N")[13..]).Distinct().Should().HaveCount(16_000, "the random bits differ, not only the version");
    }

    [Fact]
    public void Refuses_a_time_before_1970()
    {
        var act = () => RecordId.New(new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
