namespace AIBridge.Application.Common.Exceptions;

/// <summary>The kind of failure; the web layer turns it into an HTTP status.</summary>
public enum ProblemKind
{
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
}
