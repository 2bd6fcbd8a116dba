using AIBridge.Application.Common.Validation;
using FluentValidation;

namespace AIBridge.Application.Users;

/// <summary>The fields every new user is made of.</summary>
public interface INewUser
{
    string? Email { get; }

    string? Username { get; }

    string? Password { get; }

    string? Name { get; }
}

/// <summary>Body rules shared by <c>POST /users/first</c> and <c>POST /users</c>; password strength comes later.</summary>
public abstract class NewUserValidator<T> : RequestValidator<T>
    where T : INewUser
{
    protected NewUserValidator()
    {
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop).Required().ValidEmail();
        RuleFor(x => x.Username).Cascade(CascadeMode.Stop).Required().ValidUsername();
        RuleFor(x => x.Password).Required();
        RuleFor(x => x.Name).ValidRealName();
    }
}
