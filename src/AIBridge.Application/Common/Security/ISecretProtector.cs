namespace AIBridge.Application.Common.Security;

/// <summary>Encrypts secrets that must be used again (provider keys), with a key ring every AIBridge process on the database shares.</summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <summary>The secret, or null when it cannot be decrypted (the key that encrypted it is not in the ring).</summary>
    string? Unprotect(string protectedSecret);
}
