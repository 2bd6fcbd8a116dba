using System.Text.Json;
using AIBridge.Application.ApiKeys;
using AIBridge.Application.ApiKeys.Commands.CreateToken;
using AIBridge.Application.ApiKeys.Commands.DeleteApiKey;
using AIBridge.Application.ApiKeys.Queries.ListTokens;
using AIBridge.Web.Contracts;
using AIBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web.Controllers;

/// <summary>A user's API tokens. The caller's own, or anyone's for an owner.</summary>
[Route("api/v2/users/{user}/keys")]
[ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
public sealed class ApiKeysController : ApiControllerBase
{
    [HttpPost("tokens")]
    [ProducesResponseType<CreateTokenResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<CreateTokenResponse>> CreateToken(string user, CreateTokenRequest request, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new CreateTokenCommand(Caller, user, request.TokenName, ToLifetime(request.Lifetime)), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new CreateTokenResponse(result.Key));
    }

    [HttpGet("tokens")]
    [ProducesResponseType<IReadOnlyList<ApiKeyDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<ApiKeyDto>>> ListTokens(string user, CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new ListTokensQuery(Caller, user), cancellationToken));

    [HttpDelete("{keyId}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(string user, string keyId, CancellationToken cancellationToken)
    {
        await Sender.Send(new DeleteApiKeyCommand(Caller, user, keyId), cancellationToken);
        return NoContent();
    }

    private static TokenLifetimeValue? ToLifetime(JsonElement? lifetime) => lifetime?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => new TokenLifetimeValue(lifetime.Value.GetString(), null),
        JsonValueKind.Number => new TokenLifetimeValue(null, lifetime.Value.GetDouble()),
        _ => new TokenLifetimeValue(null, null, Invalid: true),
    };
}
