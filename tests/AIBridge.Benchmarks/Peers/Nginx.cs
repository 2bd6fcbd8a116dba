using System.Globalization;
using AIBridge.TestSupport;

namespace AIBridge.Benchmarks.Peers;

/// <summary>
/// nginx as a plain reverse proxy in front of the fake provider: the floor any proxy pays. Response
/// buffering off, so it relays each event as it arrives, as AIBridge does; keep-alive to the upstream.
/// </summary>
public static class Nginx
{
    public static string? Binary() => new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx" }.FirstOrDefault(File.Exists);

    public static async Task<PeerProcess> StartAsync(string binary, string upstreamBaseUrl)
    {
        var dir = Directory.CreateTempSubdirectory("aibridge-bench-nginx-").FullName;
        var port = LoopbackPort.Free();
        var upstream = new Uri(upstreamBaseUrl);
        var config = Path.Combine(dir, "nginx.conf");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            master_process on;
            worker_processes {{Environment.ProcessorCount}};
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              # R1's requests are up to a megabyte: held in memory, as AIBridge holds them, not spilled to temp files.
              client_max_body_size 8m;
              client_body_buffer_size 8m;
              client_body_temp_path {{dir}}/body;
              proxy_temp_path {{dir}}/proxy;
              fastcgi_temp_path {{dir}}/fastcgi;
              uwsgi_temp_path {{dir}}/uwsgi;
              scgi_temp_path {{dir}}/scgi;
              upstream provider {
                server {{upstream.Host}}:{{upstream.Port}};
                keepalive 256;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://provider;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_buffering off;
                }
              }
            }
            """));
        return await PeerProcess.StartAsync("nginx", binary, ["-c", config, "-p", dir], port, dir);
    }
}
