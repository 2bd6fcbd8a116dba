using Microsoft.EntityFrameworkCore.Migrations;

namespace AIBridge.Infrastructure.Persistence.Migrations;

/// <summary>
/// SQL a migration runs, frozen as the text it had when the migration was written (<c>Sql/*.sql</c>,
/// embedded), so that an old migration never changes meaning when the code that generates such SQL
/// changes. Statements are separated by a <c>-- statement --</c> line.
/// </summary>
public static class MigrationSql
{
    public const string Separator = "\n-- statement --\n";

    /// <summary>The statements of <c>Sql/{name}.sql</c>, e.g. <c>Postgres.20261128200236_SessionRollups.Up</c>.</summary>
    public static IReadOnlyList<string> Statements(string name)
    {
        var resource = $"{typeof(MigrationSql).Namespace}.Sql.{name}.sql";
        using var stream = typeof(MigrationSql).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The migration SQL {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().TrimEnd('\n').Split(Separator);
    }

    public static void Run(MigrationBuilder migrationBuilder, string name)
    {
        foreach (var statement in Statements(name))
        {
            migrationBuilder.Sql(statement);
        }
    }
}
