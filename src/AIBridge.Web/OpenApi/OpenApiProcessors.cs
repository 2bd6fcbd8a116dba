using System.Reflection;
using System.Text.Json.Serialization;
using AIBridge.Application.Common.Json;
using NJsonSchema;
using NJsonSchema.Generation;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AIBridge.Web.OpenApi;

/// <summary>Adds the <see cref="QueryParameterAttribute"/> parameters of an action to its operation.</summary>
public sealed class QueryParameterProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        foreach (var parameter in context.MethodInfo.GetCustomAttributes<QueryParameterAttribute>())
        {
            context.OperationDescription.Operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                Kind = OpenApiParameterKind.Query,
                Description = parameter.Description,
                IsRequired = false,
                Schema = JsonSchema.FromType(parameter.Type),
            });
        }

        return true;
    }
}

/// <summary>
/// Describes the JSON as it is written: stored JSON text (<see cref="JsonObjectTextConverter"/>) is an
/// object or null, and a property omitted when null is optional rather than nullable.
/// </summary>
public sealed class JsonShapeSchemaProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        // Request bodies keep their optional members optional; only responses promise every key.
        var isResponse = !context.ContextualType.Type.Name.EndsWith("Request", StringComparison.Ordinal);
        foreach (var property in context.ContextualType.Type.GetProperties())
        {
            var name = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            if (!context.Schema.Properties.TryGetValue(name, out var schema))
            {
                continue;
            }

            if (property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == typeof(JsonObjectTextConverter))
            {
                schema.Type = JsonObjectType.Object;
                schema.IsNullableRaw = true;
                schema.Format = null;
                schema.AllowAdditionalProperties = true;
            }

            if (property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition == JsonIgnoreCondition.WhenWritingNull)
            {
                // Absent, never null, on the wire.
                schema.IsNullableRaw = false;
                schema.IsRequired = false;
                context.Schema.RequiredProperties.Remove(name);
                if (schema.Type.HasFlag(JsonObjectType.Null))
                {
                    schema.Type &= ~JsonObjectType.Null;
                }
            }
            else if (isResponse && !context.Schema.RequiredProperties.Contains(name))
            {
                // Every other key is always present.
                context.Schema.RequiredProperties.Add(name);
            }
        }
    }
}
