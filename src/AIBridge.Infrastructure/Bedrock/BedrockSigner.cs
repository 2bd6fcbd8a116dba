using AIBridge.Application.Gateway.Bedrock;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace AIBridge.Infrastructure.Bedrock;

/// <summary>
/// Signs a request to Bedrock with AWS Signature Version 4, by the AWS SDK's own signer: the provider's
/// static credentials, or the default AWS credential chain (environment, profile, web identity, container
/// and instance roles) when it has none.
/// </summary>
public static class BedrockSigner
{
    public const string Service = "bedrock";

    private const string AmzDate = "X-Amz-Date";
    private const string SecurityToken = "X-Amz-Security-Token";
    private const string ContentSha256 = "X-Amz-Content-SHA256";

    /// <summary>Adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (temporary credentials) and <c>Authorization</c>.</summary>
    /// <param name="body">The exact bytes sent: their hash is signed.</param>
    public static async Task SignAsync(HttpRequestMessage request, byte[] body, BedrockAccess access, DateTime now)
    {
        var credentials = await CredentialsAsync(access);
        var signed = Sign(request.Method.Method, request.RequestUri!, request.Content?.Headers.ContentType?.ToString() ?? "application/json", body,
            access.Region, credentials, now);
        foreach (var (name, value) in signed)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>The headers the SDK's signer sets for this request: <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> and <c>Authorization</c>.</summary>
    public static IReadOnlyList<(string Name, string Value)> Sign(string method, Uri uri, string contentType, byte[] body, string region,
        ImmutableCredentials credentials, DateTime signedAt)
    {
        var request = new DefaultRequest(new SignedCall(), Service)
        {
            HttpMethod = method,
            Endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority)),
            ResourcePath = Uri.UnescapeDataString(uri.AbsolutePath),
            Content = body,
            AuthenticationRegion = region,
        };
        request.Headers["Content-Type"] = contentType;
        foreach (var pair in (uri.Query.Length > 1 ? uri.Query[1..] : "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            request.Parameters[Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals])] = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        if (credentials.UseToken)
        {
            request.Headers[SecurityToken] = credentials.Token;
        }

        var result = new AWS4Signer().SignRequest(request, new SigningConfig(region), null, credentials.AccessKey, credentials.SecretKey, signedAt);
        List<(string, string)> headers = [(AmzDate, request.Headers[AmzDate]), ("Authorization", result.ForAuthorizationHeader)];
        if (request.Headers.TryGetValue(ContentSha256, out var hash))
        {
            headers.Add((ContentSha256, hash));
        }

        if (credentials.UseToken)
        {
            headers.Add((SecurityToken, credentials.Token));
        }

        return headers;
    }

    private static async Task<ImmutableCredentials> CredentialsAsync(BedrockAccess access)
    {
        if (access.SecretAccessKey is { } secret)
        {
            return new ImmutableCredentials(access.Settings.AccessKeyId, secret, null);
        }

        var chain = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync()
            ?? throw new InvalidOperationException("the default AWS credential chain found no credentials");
        return await chain.GetCredentialsAsync();
    }

    /// <summary>The SDK signs service requests; this one stands for a Bedrock call.</summary>
    private sealed class SignedCall : AmazonWebServiceRequest;

    /// <summary>What the signer reads of a client's configuration: the service and region of the signature's scope.</summary>
    private sealed class SigningConfig : ClientConfig
    {
        public SigningConfig(string region)
            : base(new DefaultConfigurationProvider([new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard }]))
        {
            AuthenticationRegion = region;
            AuthenticationServiceName = Service;
        }

        public override string RegionEndpointServiceName => Service;

        public override string ServiceVersion => "2023-09-30";

        public override string UserAgent => "aibridge";

        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters parameters) =>
            throw new NotSupportedException("the request's URL is the provider's, not the SDK's");
    }
}
