using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AIBridge.FunctionalTests.Providers;

/// <summary>
/// Checks an AWS Signature Version 4 the way AWS does, from what arrived on the wire and the secret, written
/// from AWS's description of the algorithm: the fake Bedrock refuses what real Bedrock would refuse.
/// </summary>
public static partial class SigV4Verifier
{
    /// <param name="rawTarget">The request target as sent, still percent-encoded.</param>
    /// <returns>Null when the signature is right, else what differs.</returns>
    public static string? Check(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, byte[] body, string secret, string service)
    {
        var match = AuthorizationPattern().Match(headers.GetValueOrDefault("Authorization") ?? "");
        if (!match.Success)
        {
            return "no AWS4-HMAC-SHA256 Authorization header";
        }

        var (scope, signedHeaders, signature) = (match.Groups["scope"].Value, match.Groups["signed"].Value, match.Groups["signature"].Value);
        var scopeParts = scope.Split('/');
        if (scopeParts is not [_, var date, var region, var scopeService, "aws4_request"] || scopeService != service)
        {
            return $"unexpected credential scope {scope}";
        }

        var amzDate = headers.GetValueOrDefault("X-Amz-Date") ?? "";
        var path = rawTarget.Split('?')[0];
        var query = rawTarget.Contains('?') ? rawTarget[(rawTarget.IndexOf('?') + 1)..] : "";
        var canonicalUri = string.Join('/', path.Split('/').Select(Encode));
        var canonicalQuery = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (Key: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var canonicalHeaders = string.Concat(signedHeaders.Split(';').Select(h => $"{h}:{Spaces().Replace(headers.GetValueOrDefault(h)?.Trim() ?? "", " ")}\n"));
        var canonicalRequest = $"{method}\n{canonicalUri}\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{Hex(SHA256.HashData(body))}";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{date}/{region}/{service}/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = new[] { date, region, service, "aws4_request" }.Aggregate(Encoding.UTF8.GetBytes("AWS4" + secret), (k, part) => HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(part)));
        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return expected == signature ? null : $"signature {signature} is not {expected} for the canonical request:\n{canonicalRequest}";
    }

    /// <summary>RFC 3986 unreserved characters stay; every other byte is %XX.</summary>
    private static string Encode(string value) => string.Concat(Encoding.UTF8.GetBytes(value).Select(b =>
        char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' ? ((char)b).ToString() : $"%{b:X2}"));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<scope>[^,]+), SignedHeaders=(?<signed>[^,]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
