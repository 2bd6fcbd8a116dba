using System.Security.Cryptography;
using AIBridge.Application.Common.Security;
using Microsoft.AspNetCore.DataProtection;

namespace AIBridge.Infrastructure.Providers;

/// <summary>Provider keys encrypted with ASP.NET Core Data Protection, whose key ring lives in the database.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    /// <summary>The purpose isolates these ciphertexts from anything else the ring protects.</summary>
    private readonly IDataProtector _protector = provider.CreateProtector("AIBridge.ProviderKeys.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
