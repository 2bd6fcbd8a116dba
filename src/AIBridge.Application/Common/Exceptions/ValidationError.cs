namespace AIBridge.Application.Common.Exceptions;

/// <summary>One failing field: <c>{"field", "detail"}</c> in the API's error envelope.</summary>
public sealed record ValidationError(string Field, string Detail);
