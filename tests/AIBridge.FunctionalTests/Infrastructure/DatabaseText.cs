using System.Data.Common;
using System.Text;
using AIBridge.Infrastructure.Persistence.Providers;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>Every value of every table of the test database, as text: to show a secret is stored nowhere.</summary>
public static class DatabaseText
{
    public static async Task ShouldNotContainAsync(DatabaseFixture fixture, params string[] secrets)
    {
        var text = await ReadAsync(fixture);
        text.Length.Should().BeGreaterThan(0);
        foreach (var secret in secrets)
        {
            text.Should().NotContain(secret);
        }
    }

    public static async Task<string> ReadAsync(DatabaseFixture fixture)
    {
        await using var connection = await fixture.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = fixture.Provider == DatabaseProvider.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(Value(reader, i)).Append('\u001f');
                }
            }
        }

        return text.ToString();
    }

    private static string Value(DbDataReader reader, int i) => reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
