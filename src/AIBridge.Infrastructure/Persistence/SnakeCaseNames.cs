using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence;

/// <summary>Columns are named <c>snake_case</c> after their property unless a configuration named them.</summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName() == property.Name)
                {
                    property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
                }
            }
        }
    }
}
