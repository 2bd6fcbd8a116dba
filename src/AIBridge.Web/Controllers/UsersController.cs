using AIBridge.Application.Users;
using AIBridge.Application.Users.Commands.CreateFirstUser;
using AIBridge.Application.Users.Commands.CreateUser;
using AIBridge.Application.Users.Commands.ChangePassword;
using AIBridge.Application.Users.Commands.Login;
using AIBridge.Application.Users.Commands.Logout;
using AIBridge.Application.Users.Commands.UpdateUserStatus;
using AIBridge.Application.Users.Commands.UpdateUserRoles;
using AIBridge.Application.Users.Queries.GetCurrentUser;
using AIBridge.Application.Users.Queries.ListUsers;
using AIBridge.Domain.Users;
using AIBridge.Web.OpenApi;
using AIBridge.Web.Authentication;
using AIBridge.Web.Contracts;
using AIBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web.Controllers;

[Route("api/v2/users")]
public sealed class UsersController : ApiControllerBase
{
    /// <summary>Creates the first user (an owner). Only while no user exists.</summary>
    [HttpPost("first")]
    [AllowAnonymous]
    [ProducesResponseType<CreateFirstUserResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<CreateFirstUserResponse>> CreateFirst(CreateUserRequest request, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new CreateFirstUserCommand(request.Email, request.Username, request.Password, request.Name), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new CreateFirstUserResponse(result.UserId));
    }

    /// <summary>Signs in; the session token is returned and set as the <c>coder_session_token</c> cookie.</summary>
    [HttpPost("login")]
    [AllowAnonymous]
    [ProducesResponseType<LoginResponse>(StatusCodes.Status201Created)]
    public async Task<ActionResult<LoginResponse>> Login(LoginRequest request, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new LoginCommand(request.Email, request.Password), cancellationToken);
        Response.Cookies.Append(SessionTokenSources.CookieName, result.SessionToken, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Secure = Request.IsHttps,
            Expires = result.ExpiresAt,
        });
        return StatusCode(StatusCodes.Status201Created, new LoginResponse(result.SessionToken));
    }

    [HttpGet("me")]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<ActionResult<UserDto>> Me(CancellationToken cancellationToken) =>
        await Sender.Send(new GetCurrentUserQuery(Caller), cancellationToken);

    /// <summary>Creates a plain member. Owners only.</summary>
    [HttpPost]
    [ProducesResponseType<UserDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<UserDto>> Create(CreateUserRequest request, CancellationToken cancellationToken)
    {
        var user = await Sender.Send(new CreateUserCommand(Caller, request.Email, request.Username, request.Password, request.Name), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, user);
    }

    /// <summary>Replaces a user's site roles. Owners only; not one's own.</summary>
    [HttpPut("{user}/roles")]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<UserDto>> UpdateRoles(string user, UpdateRolesRequest request, CancellationToken cancellationToken) =>
        await Sender.Send(new UpdateUserRolesCommand(Caller, user, request.Roles), cancellationToken);

    /// <summary>Users by username. Owners and auditors.</summary>
    [HttpGet]
    [QueryParameter("q", typeof(string), "Search: username, email (exact, case-insensitive), status (active or suspended), role (owner or auditor); bare words match part of a username or e-mail.")]
    [QueryParameter("limit", typeof(int), "Page size, 1 to 1000 (0 or absent: 100).")]
    [QueryParameter("offset", typeof(int), "Rows to skip.")]
    [QueryParameter("after_id", typeof(Guid), "Cursor: the page after this user.")]
    [ProducesResponseType<UsersPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<UsersPage>> List(CancellationToken cancellationToken) =>
        await Sender.Send(new ListUsersQuery(Caller, Request.Query.ToQueryParameters()), cancellationToken);

    /// <summary>Suspends a user: none of their tokens works any more, on the API or the gateway. Owners only; not oneself.</summary>
    [HttpPut("{user}/status/suspend")]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<UserDto>> Suspend(string user, CancellationToken cancellationToken) =>
        await Sender.Send(new UpdateUserStatusCommand(Caller, user, UserStatus.Suspended), cancellationToken);

    /// <summary>Makes a suspended user active again; their tokens that have not expired work again. Owners only.</summary>
    [HttpPut("{user}/status/activate")]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<UserDto>> Activate(string user, CancellationToken cancellationToken) =>
        await Sender.Send(new UpdateUserStatusCommand(Caller, user, UserStatus.Active), cancellationToken);

    /// <summary>Signs out: deletes the token this request used and clears the session cookie.</summary>
    [HttpPost("logout")]
    [ProducesResponseType<MessageResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<MessageResponse>> Logout(CancellationToken cancellationToken)
    {
        await Sender.Send(new LogoutCommand(Caller), cancellationToken);
        Response.Cookies.Delete(SessionTokenSources.CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return Ok(new MessageResponse("Logged out!"));
    }

    /// <summary>
    /// Sets a password: one's own with <c>old_password</c>, anyone's as an owner. The user's other login
    /// sessions end; named tokens stay.
    /// </summary>
    [HttpPut("{user}/password")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<IActionResult> ChangePassword(string user, ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        await Sender.Send(new ChangePasswordCommand(Caller, user, request.OldPassword, request.Password), cancellationToken);
        return NoContent();
    }
}
