using AIBridge.Application.Common.Exceptions;

namespace AIBridge.Application.Users;

/// <summary>Checked after the body is valid (and, for the first user, after the 409), as Coder does.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 256;

    public static void Enforce(string password)
    {
        var detail = password.Length < MinLength ? $"password must be at least {MinLength} characters"
            : password.Length > MaxLength ? $"password must be no more than {MaxLength} characters"
            : null;
        if (detail is not null)
        {
            throw AppException.BadRequest("Password not strong enough!", validations: [new ValidationError("password", detail)]);
        }
    }
}
