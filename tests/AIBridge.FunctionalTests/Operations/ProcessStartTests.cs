using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>What an operator sees of a started process: its database file's permissions and its JSON log lines.</summary>
public sealed class ProcessStartTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_sqlite_files_are_its_owners_only_and_json_log_lines_carry_a_utc_timestamp()
    {
        var folder = Directory.CreateTempSubdirectory("aibridge-start-").FullName;
        try
        {
            using var process = AIBridgeChild.Start(folder, "Logging__Console__FormatterName=json");
            var lines = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Now listening on", StringComparison.Ordinal))
                {
                    break;
                }
            }

            var database = Path.Combine(folder, "aibridge.db");
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
            }

            process.Kill();
            await process.WaitForExitAsync();
            lines.Should().Contain(l => l.Contains("Database ready", StringComparison.Ordinal));
            foreach (var line in lines)
            {
                var timestamp = JsonDocument.Parse(line).RootElement.GetProperty("Timestamp").GetString()!;
                timestamp.Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$");
                DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture).Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
