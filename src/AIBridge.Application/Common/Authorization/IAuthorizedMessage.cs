using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;

namespace AIBridge.Application.Common.Authorization;

/// <summary>
/// A message whose caller must be allowed before anything else happens: a member who may not create
/// users learns that, not what was wrong with the body.
/// </summary>
public interface IAuthorizedMessage
{
    Actor Caller { get; }

    /// <summary>The denial to answer with, or null when the caller may go on.</summary>
    AppException? Authorize();
}
