namespace AIBridge.Application.Gateway.Recovery;

/// <summary>The name this process records on each interception it starts (see <see cref="GatewayOptions.InstanceId"/>).</summary>
public sealed record GatewayInstance(string Name)
{
    public static GatewayInstance From(string? configured, string listenAddress)
    {
        var name = string.IsNullOrWhiteSpace(configured) ? $"{Environment.MachineName} {listenAddress}" : configured.Trim();
        return new GatewayInstance(name.Length <= Domain.Interceptions.Interception.GatewayInstanceMaxLength
            ? name
            : name[..Domain.Interceptions.Interception.GatewayInstanceMaxLength]);
    }
}
