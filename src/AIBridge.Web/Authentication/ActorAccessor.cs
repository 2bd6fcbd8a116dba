using AIBridge.Application.Common.Security;

namespace AIBridge.Web.Authentication;

/// <summary>Where the authentication handler leaves the caller for the controllers.</summary>
public static class ActorAccessor
{
    private static readonly object Key = new();

    public static void SetActor(this HttpContext context, Actor actor) => context.Items[Key] = actor;

    public static Actor GetActor(this HttpContext context) =>
        context.Items[Key] as Actor ?? throw new InvalidOperationException("The request is not authenticated.");
}
