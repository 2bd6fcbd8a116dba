using System.Text.Json.Serialization;
using AIBridge.Application.Common.Exceptions;

namespace AIBridge.Web.Infrastructure;

/// <summary>The API's error envelope: <c>{"message","detail","validations"}</c>, empty parts omitted.</summary>
public sealed record ErrorResponse(
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ValidationError>? Validations = null)
{
    public static ErrorResponse From(AppException exception) => new(
        exception.Message,
        string.IsNullOrEmpty(exception.Detail) ? null : exception.Detail,
        exception.Validations.Count == 0 ? null : exception.Validations);
}
