using System.Text.RegularExpressions;
using FluentValidation;

namespace AIBridge.Application.Users;

/// <summary>
/// Field rules of the user endpoints, with Coder's wording:
/// <c>Validation failed for tag "&lt;tag&gt;" with value: "&lt;value&gt;"</c>.
/// </summary>
public static partial class UserRules
{
    public const int UsernameMaxLength = 32;
    public const int NameMaxLength = 128;
    public const int EmailMaxLength = 320;

    public static string TagFailure(string tag, string? value) => $"Validation failed for tag \"{tag}\" with value: \"{value}\"";

    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage((_, value) => TagFailure("required", value));

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || (v.Length <= EmailMaxLength && EmailPattern().IsMatch(v))).WithMessage((_, value) => TagFailure("email", value));

    public static IRuleBuilderOptions<T, string?> ValidUsername<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValidUsername).WithMessage((_, value) => TagFailure("username", value));

    public static IRuleBuilderOptions<T, string?> ValidRealName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || (v.Length <= NameMaxLength && v.Trim().Length == v.Length && !HasControlCharacters(v)))
            .WithMessage((_, value) => TagFailure("user_real_name", value));

    /// <summary>Names are shown in UIs and logs; control characters (U+0000 cannot even be stored on PostgreSQL) are refused.</summary>
    public static bool HasControlCharacters(string value) => value.Any(char.IsControl);

    public static bool IsValidUsername(string? value) =>
        value is { Length: > 0 and <= UsernameMaxLength }
        && !string.Equals(value, "me", StringComparison.OrdinalIgnoreCase)
        && UsernamePattern().IsMatch(value);

    [GeneratedRegex("^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$")]
    private static partial Regex UsernamePattern();

    // The HTML5 e-mail grammar: what browsers and most validators accept.
    [GeneratedRegex(@"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")]
    private static partial Regex EmailPattern();
}
