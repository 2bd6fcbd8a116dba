namespace AIBridge.Domain.Providers;

/// <summary>One key of a stored provider: encrypted, with the mask that is all anyone is ever shown of it.</summary>
public sealed class StoredProviderKey
{
    public Guid Id { get; set; }

    public Guid ProviderId { get; set; }

    /// <summary>Its place in the pool: the first usable key is tried first.</summary>
    public int Position { get; set; }

    /// <summary>The key, encrypted with the process-shared data protection key ring.</summary>
    public string Protected { get; set; } = "";

    public string Masked { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public const int ProtectedMaxLength = 4096;
    public const int MaskedMaxLength = 15;

    /// <summary>The longest key accepted; provider keys are a few hundred characters at most.</summary>
    public const int KeyMaxLength = 1024;
}
