using System.Net;
using System.Net.Sockets;

namespace AIBridge.TestSupport;

public static class LoopbackPort
{
    /// <summary>A port nothing listens on now (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
