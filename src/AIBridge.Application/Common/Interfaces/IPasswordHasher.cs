namespace AIBridge.Application.Common.Interfaces;

/// <summary>A salted, slow password hash (PBKDF2).</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    bool Verify(string hashedPassword, string password);
}
