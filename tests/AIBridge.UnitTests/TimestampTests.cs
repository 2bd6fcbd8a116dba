using AIBridge.Domain.Common;

namespace AIBridge.UnitTests;

public sealed class TimestampTests
{
    [Fact]
    public void Normalizes_to_utc_microseconds()
    {
        var value = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).AddTicks(1234567);

        var normalized = Timestamp.Normalize(value);

        normalized.Kind.Should().Be(DateTimeKind.Utc);
        normalized.Ticks.Should().Be(value.Ticks - 7);
    }
}
