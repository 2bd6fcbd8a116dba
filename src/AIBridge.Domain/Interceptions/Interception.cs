using AIBridge.Domain.Users;

namespace AIBridge.Domain.Interceptions;

/// <summary>One intercepted upstream LLM request. NULL <see cref="EndedAt"/> means in flight.</summary>
public sealed class Interception
{
    public Guid Id { get; set; }

    public Guid InitiatorId { get; set; }

    /// <summary>Never null when loaded: <c>initiator_id</c> is a foreign key and users are never deleted.</summary>
    public User Initiator { get; set; } = null!;

    public string? ApiKeyId { get; set; }

    /// <summary>Provider type: <c>anthropic</c> or <c>openai</c>.</summary>
    public string Provider { get; set; } = "";

    /// <summary>Provider instance name, which drives routes.</summary>
    public string ProviderName { get; set; } = "";

    public string Model { get; set; } = "";

    /// <summary>Detected client; NULL and "Unknown" both mean unknown.</summary>
    public string? Client { get; set; }

    public string? ClientSessionId { get; set; }

    public Guid? ThreadParentId { get; set; }

    /// <summary>Root of the thread; NULL means this row is a thread root.</summary>
    public Guid? ThreadRootId { get; set; }

    /// <summary><c>COALESCE(client_session_id, thread_root_id, id)</c>, UUIDs as lowercase text.</summary>
    public string SessionId { get; set; } = "";

    /// <summary>JSON object text.</summary>
    public string? Metadata { get; set; }

    public string CredentialKind { get; set; } = Interceptions.CredentialKind.Centralized;

    public string CredentialHint { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The gateway process that started it, so a restarted process ends only what it left open itself.</summary>
    public string? GatewayInstance { get; set; }

    /// <summary>The HTTP status the gateway sent to the client; NULL when it sent none (the client left first).</summary>
    public int? StatusCode { get; set; }

    /// <summary>Why it failed (<see cref="InterceptionErrors"/>); NULL for a call that completed.</summary>
    public string? ErrorType { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>A fingerprint of the request's system prompt, to tell why a prompt cache missed; NULL without one.</summary>
    public string? SystemHash { get; set; }

    /// <summary>A fingerprint of the request's tool definitions; NULL without any.</summary>
    public string? ToolsHash { get; set; }

    /// <summary>Milliseconds from the gateway's receipt of the request to the provider's response headers; NULL without a response.</summary>
    public int? TtfbMs { get; set; }

    /// <summary>Milliseconds from the gateway's receipt of the request to the last byte relayed to the client.</summary>
    public int? DurationMs { get; set; }

    public List<TokenUsage> TokenUsages { get; set; } = [];

    public List<UserPrompt> UserPrompts { get; set; } = [];

    public List<ToolUsage> ToolUsages { get; set; } = [];

    public List<ModelThought> ModelThoughts { get; set; } = [];

    public const int ClientMaxLength = 64;
    public const int ModelMaxLength = 256;
    public const int ClientSessionIdMaxLength = 256;
    public const int CredentialHintMaxLength = 15;
    public const int GatewayInstanceMaxLength = 128;
    public const int ErrorTypeMaxLength = 32;
    public const int ErrorMessageMaxLength = 1024;
    public const int FingerprintLength = 32;

    /// <summary>A copy of the row's own fields, without its children, for a writer that must not share the caller's object.</summary>
    public Interception Detached()
    {
        var copy = (Interception)MemberwiseClone();
        copy.TokenUsages = [];
        copy.UserPrompts = [];
        copy.ToolUsages = [];
        copy.ModelThoughts = [];
        return copy;
    }

    public static string DeriveSessionId(string? clientSessionId, Guid? threadRootId, Guid id) =>
        !string.IsNullOrEmpty(clientSessionId) ? clientSessionId : (threadRootId ?? id).ToString("D");
}
