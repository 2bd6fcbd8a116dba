using AIBridge.Application.Users;
using AIBridge.Application.Users.Commands.CreateFirstUser;
using AIBridge.Application.Users.Commands.CreateUser;
using AIBridge.Application.Users.Commands.Login;
using AIBridge.Application.Users.Commands.UpdateUserRoles;
using AIBridge.Application.Users.Queries.GetCurrentUser;
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
}
