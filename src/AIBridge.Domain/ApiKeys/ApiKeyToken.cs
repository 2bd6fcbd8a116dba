using System.Security.Cryptography;
using System.Text;

namespace AIBridge.Domain.ApiKeys;

/// <summary>A token as the client holds it: <c>&lt;10-char id&gt;-&lt;22-char secret&gt;</c>.</summary>
public sealed record ApiKeyToken(string Id, string Secret)
{
    public const int IdLength = 10;
    public const int SecretLength = 22;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static ApiKeyToken Generate() => new(
        RandomNumberGenerator.GetString(Alphabet, IdLength),
        RandomNumberGenerator.GetString(Alphabet, SecretLength));

    /// <summary>Parses the token format; on failure <paramref name="error"/> is the user-facing reason.</summary>
    public static bool TryParse(string value, out ApiKeyToken? token, out string? error)
    {
        token = null;
        var parts = value.Split('-');
        if (parts.Length != 2)
        {
            error = $"Invalid API key format: incorrect amount of API key parts, expected 2 got {parts.Length}";
            return false;
        }

        if (parts[0].Length != IdLength)
        {
            error = $"Invalid API key format: invalid API key ID length, expected {IdLength} got {parts[0].Length}";
            return false;
        }

        if (parts[1].Length != SecretLength)
        {
            error = $"Invalid API key format: invalid API key secret length, expected {SecretLength} got {parts[1].Length}";
            return false;
        }

        error = null;
        token = new ApiKeyToken(parts[0], parts[1]);
        return true;
    }

    public static byte[] HashSecret(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public bool Matches(byte[] hashedSecret) =>
        CryptographicOperations.FixedTimeEquals(HashSecret(Secret), hashedSecret);

    /// <summary>The full token, for the one response that hands it to its owner.</summary>
    public string Value => $"{Id}-{Secret}";

    /// <summary>Never the secret: a token that reaches a log shows only its id.</summary>
    public override string ToString() => $"{Id}-***";
}
