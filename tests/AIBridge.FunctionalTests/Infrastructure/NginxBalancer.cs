using System.Diagnostics;
using System.Net.Sockets;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>
/// Debian's nginx as the load balancer in front of several AIBridge processes: round robin over them,
/// one worker (so that consecutive requests go to consecutive processes), streams relayed unbuffered.
/// </summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private NginxBalancer(Process process, string folder, int port) => (_process, _folder, BaseAddress) = (process, folder, new Uri($"http://127.0.0.1:{port}"));

    public Uri BaseAddress { get; }

    public static async Task<NginxBalancer> StartAsync(IEnumerable<int> ports)
    {
        File.Exists(Binary).Should().BeTrue($"{Binary} is needed: install Debian's nginx-light package (apt-get install -y nginx-light)");
        var folder = Directory.CreateTempSubdirectory("aibridge-nginx-").FullName;
        var port = LoopbackPort.Free();
        var servers = string.Concat(ports.Select(p => $"server 127.0.0.1:{p};\n"));
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_max_body_size 8m;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              upstream aibridge {
                {{servers}}
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://aibridge;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_buffering off;
                  proxy_next_upstream off;
                }
              }
            }
            """);
        var process = Process.Start(new ProcessStartInfo(Binary, ["-c", config, "-p", folder]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return new NginxBalancer(process, folder, port);
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(15) && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
