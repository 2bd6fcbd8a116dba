namespace AIBridge.Domain.Interceptions;

public static class CredentialKind
{
    /// <summary>The gateway's configured provider key was used.</summary>
    public const string Centralized = "centralized";

    /// <summary>The user's own provider key was forwarded.</summary>
    public const string Byok = "byok";
}
