namespace AIBridge.Domain.Users;

/// <summary>Site-wide roles. Every user is implicitly a member; only these two are stored.</summary>
public static class SiteRole
{
    public const string Owner = "owner";
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } = [Owner, Auditor];

    public static bool IsKnown(string role) => role is Owner or Auditor;

    public static string DisplayName(string role) => role switch
    {
        Owner => "Owner",
        Auditor => "Auditor",
        _ => role,
    };
}
