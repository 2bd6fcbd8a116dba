using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>A setting the operator must fix stops the start with one line on stderr and exit code 1, no stack trace.</summary>
public sealed class ConfigurationErrorTests
{
    public static TheoryData<string[], string> Mistakes() => new()
    {
        { ["AIBridge__Providers__anthropic__Type=claude"],
            "unknown provider type \"claude\" for provider \"anthropic\" (AIBridge:Providers:anthropic:Type): use anthropic, openai, openai-compat, azure, copilot or bedrock" },
        { ["AIBridge__Providers__anthropic__BaseUrl=https://api.anthropic.com"],
            "provider \"anthropic\" has no type (AIBridge:Providers:anthropic:Type): use anthropic, openai, openai-compat, azure, copilot or bedrock" },
        { ["AIBridge__Providers__anthropic__Type=anthropic", "AIBridge__Providers__anthropic__BaseUrl=api.anthropic.com"],
            "invalid base URL \"api.anthropic.com\" for provider \"anthropic\" (AIBridge:Providers:anthropic:BaseUrl): use an absolute http or https URL, e.g. https://api.anthropic.com/" },
        { ["Database__Provider=Oracle"], "unknown database provider \"Oracle\" (Database:Provider): use Sqlite, Postgres (or PostgreSQL) or SqlServer" },
        { ["ConnectionStrings__AIBridge=Data Source=/nonexistent-aibridge-folder/aibridge.db"],
            "cannot open the SQLite database \"/nonexistent-aibridge-folder/aibridge.db\" (ConnectionStrings:AIBridge): the folder \"/nonexistent-aibridge-folder\" does not exist" },
        { ["Database__Provider=PostgreSQL", "ConnectionStrings__AIBridge=Hst=db"],
            "invalid connection string for Postgres (ConnectionStrings:AIBridge): Couldn't set hst (Parameter 'hst'); expected the form \"Host=db;Port=5432;Database=aibridge;Username=aibridge;Password=…\"" },
        { ["AIBridge__Budgets__DefaultMonthlyLimitMicros=-5"],
            "invalid AIBridge:Budgets:DefaultMonthlyLimitMicros \"-5\": use a whole number of micro-USD from 0 (50000000 is $50), or leave it unset for no default budget" },
        { ["AIBridge__Budgets__DefaultMaxOutputTokens=0"],
            "invalid AIBridge:Budgets:DefaultMaxOutputTokens \"0\": use a whole number of tokens above 0" },
        { ["AIBridge__Tracing__Endpoint=collector:4317"],
            "invalid AIBridge:Tracing:Endpoint \"collector:4317\": use the OTLP collector's absolute http or https address, e.g. http://localhost:4317" },
        { ["OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318", "AIBridge__Tracing__Protocol=http/json"],
            "invalid AIBridge:Tracing:Protocol \"http/json\": use grpc or http/protobuf" },
        { ["AIBridge__Metrics__PerUserLabels=sometimes"],
            "Failed to convert configuration value 'sometimes' at 'AIBridge:Metrics:PerUserLabels' to type 'System.Boolean': sometimes is not a valid value for Boolean." },
        { ["AIBridge__MaxRequestBodyBytes=lots"],
            "Failed to convert configuration value 'lots' at 'AIBridge:MaxRequestBodyBytes' to type 'System.Int64': lots is not a valid value for Int64. (Parameter 'value')" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task The_start_stops_with_one_line_naming_the_setting(string[] environment, string line)
    {
        var folder = Directory.CreateTempSubdirectory("aibridge-config-").FullName;
        try
        {
            using var process = AIBridgeChild.Start(folder, environment);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            process.ExitCode.Should().Be(1, await stdout);
            (await stderr).Should().Be(line + Environment.NewLine);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
