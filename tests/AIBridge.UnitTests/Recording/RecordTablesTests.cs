using System.Text.Json;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Infrastructure.Persistence.Providers;
using AIBridge.Infrastructure.Recording;
using AIBridge.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AIBridge.UnitTests.Recording;

/// <summary>
/// The table writers name their columns by hand; these tests hold the list to each provider's EF model,
/// so a property added to an entity and not to the recorder fails here, not in production.
/// </summary>
public sealed class RecordTablesTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres, DatabaseProvider.SqlServer];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_recorder_writes_every_column_of_its_tables_with_the_models_types(DatabaseProvider provider)
    {
        using var db = ModelOf(provider);
        foreach (var (table, columns) in RecordTables.Layout)
        {
            var entity = EntityOf(db, table);
            var modelColumns = entity.GetProperties().ToDictionary(p => p.GetColumnName(), p => Stored(Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType));

            var written = columns.ToDictionary(c => c.Name, c => ClrType(c.Kind));

            written.Should().BeEquivalentTo(modelColumns, $"the recorder writes each column of {table} as the model maps it");
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_roll_up_sum_is_added_without_a_NULL_guard_only_where_the_model_allows_no_NULL(DatabaseProvider provider)
    {
        using var db = ModelOf(provider);
        foreach (var (table, sums) in RecordTables.Sums)
        {
            var nullable = EntityOf(db, table).GetProperties().ToDictionary(p => p.GetColumnName(), p => p.IsColumnNullable());

            sums.Should().OnlyContain(c => nullable[c.Name] == c.Nullable, $"each sum of {table} is declared nullable exactly where the model's column is");
        }
    }

    [Fact]
    public void SQL_Server_bulk_rows_carry_each_columns_type_and_nulls_as_DBNull()
    {
        var columns = new RecordColumn<(Guid Id, string? Text, DateTime At)>[]
        {
            new("id", ColumnKind.Uuid, r => r.Id),
            new("text", ColumnKind.Text, r => r.Text),
            new("at", ColumnKind.Time, r => r.At),
        };
        var at = new DateTime(2026, 12, 4, 1, 2, 3, DateTimeKind.Utc).AddTicks(1234567);

        using var table = SqlServerBulkInsert.Table(columns, [(Guid.Empty, null, at)]);

        table.Columns.Cast<System.Data.DataColumn>().Select(c => (c.ColumnName, c.DataType))
            .Should().Equal(("id", typeof(Guid)), ("text", typeof(string)), ("at", typeof(DateTime)));
        table.Rows[0]["text"].Should().Be(DBNull.Value);
        table.Rows[0]["at"].Should().Be(at.AddTicks(-7), "timestamps are stored to the microsecond");
    }

    [Fact]
    public void SQL_Server_ends_are_sent_as_one_JSON_array_with_the_columns_of_the_end_statement()
    {
        var id = Guid.NewGuid();
        var ended = new DateTime(2026, 12, 4, 1, 2, 3, DateTimeKind.Utc).AddTicks(1234560);

        var json = SqlServerBulkInsert.EndsAsJson([new InterceptionEnded(id, ended, null, new InterceptionOutcome(502, "upstream", "bad gateway"))]);

        using var document = JsonDocument.Parse(json);
        var end = document.RootElement.EnumerateArray().Single();
        end.GetProperty("id").GetGuid().Should().Be(id);
        end.GetProperty("ended_at").GetString().Should().Be("2026-12-04T01:02:03.123456");
        end.GetProperty("credential_hint").ValueKind.Should().Be(JsonValueKind.Null);
        end.GetProperty("status_code").GetInt32().Should().Be(502);
        end.GetProperty("error_type").GetString().Should().Be("upstream");
        end.GetProperty("error_message").GetString().Should().Be("bad gateway");
    }

    private static Type ClrType(ColumnKind kind) => kind switch
    {
        ColumnKind.Uuid => typeof(Guid),
        ColumnKind.Int => typeof(int),
        ColumnKind.Bigint => typeof(long),
        ColumnKind.Bool => typeof(bool),
        ColumnKind.Time => typeof(DateTime),
        _ => typeof(string),
    };

    /// <summary>A context of the provider for its model alone: nothing connects.</summary>
    private static AIBridgeDbContext ModelOf(DatabaseProvider provider) =>
        DatabaseOptions.CreateContext(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=unused;Database=unused");

    private static IEntityType EntityOf(AIBridgeDbContext db, string table) => db.Model.GetEntityTypes().Single(e => e.GetTableName() == table);

    /// <summary>EF stores an enum as its number, which is what the recorder writes.</summary>
    private static Type Stored(Type type) => type.IsEnum ? Enum.GetUnderlyingType(type) : type;
}
