using AIBridge.Application.Common.Interfaces;
using Microsoft.AspNetCore.Identity;

namespace AIBridge.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's hasher: PBKDF2-HMAC-SHA512, 128-bit salt, 100,000 iterations (format v3).</summary>
internal sealed class PasswordHasher : IPasswordHasher
{
    private static readonly object Subject = new();
    private readonly PasswordHasher<object> _inner = new();

    public string Hash(string password) => _inner.HashPassword(Subject, password);

    public bool Verify(string hashedPassword, string password)
    {
        try
        {
            return _inner.VerifyHashedPassword(Subject, hashedPassword, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
