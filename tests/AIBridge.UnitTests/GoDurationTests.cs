using AIBridge.Application.Common.Time;

namespace AIBridge.UnitTests;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("720h", 720 * 3600.0)]
    [InlineData("90m", 5400.0)]
    [InlineData("1h30m", 5400.0)]
    [InlineData("45s", 45.0)]
    [InlineData("1.5h", 5400.0)]
    [InlineData("1500ms", 1.5)]
    [InlineData("2us", 0.000002)]
    [InlineData("2\u00b5s", 0.000002)]
    [InlineData("0", 0.0)]
    [InlineData("-5m", -300.0)]
    [InlineData("+5m", 300.0)]
    public void Parses_go_durations(string text, double seconds)
    {
        GoDuration.TryParse(text, out var value).Should().BeTrue();
        value.TotalSeconds.Should().BeApproximately(seconds, 1e-9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("h")]
    [InlineData("1d")]
    [InlineData("1.2.3s")]
    [InlineData(".s")]
    [InlineData("forever")]
    [InlineData("99999999999999999999999h")]
    public void Rejects_what_go_rejects(string text) => GoDuration.TryParse(text, out _).Should().BeFalse();

    [Theory]
    [InlineData(365 * 24 * 3600.0, "8760h0m0s")]
    [InlineData(90.5, "1m30.5s")]
    [InlineData(3600.0, "1h0m0s")]
    [InlineData(45.0, "45s")]
    [InlineData(0.0, "0s")]
    public void Formats_like_go(double seconds, string expected) =>
        GoDuration.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
}
