using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>Bridge spec §13: a write to the client slower than 500 ms is logged as a slow client, and the relay carries on.</summary>
public abstract class SlowClientTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    private const int Megabytes = 32;

    [Fact]
    public async Task A_client_that_stops_reading_is_logged_as_slow_and_still_gets_every_byte()
    {
        Upstream.Respond(async context =>
        {
            context.Response.ContentType = "application/json";
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (var i = 0; i < Megabytes; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        var userAgent = "slow-reader/" + Guid.NewGuid().ToString("N");

        // A small receive window, and no reading for a while: the gateway's writes back up behind it. A second is
        // twice the slow-write threshold and half the idle timeout: a loaded machine only makes the stall longer.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, Fixture.Factory.ClientOptions.BaseAddress.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"GET /api/v2/aibridge/anthropic/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {Token}\r\nUser-Agent: {userAgent}\r\nConnection: close\r\n\r\n"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var buffer = new byte[64 * 1024];
        long received = 0;
        int read;
        while ((read = await socket.ReceiveAsync(buffer)) > 0)
        {
            received += read;
        }

        received.Should().BeGreaterThan(Megabytes * 1024L * 1024, "every byte arrives, after the headers");
        var line = await LoggedAsync(userAgent);
        line.Should().NotBeNull("the stalled write should be logged");
        line!.Value.Level.Should().Be(LogLevel.Warning);
        line.Value.Message.Should().StartWith("slow client 127.0.0.1 (" + userAgent + "): a write took ")
            .And.EndWith($"; {Megabytes * 1024 * 1024} bytes relayed");
    }

    [Fact]
    public async Task A_client_that_keeps_reading_is_not_logged()
    {
        Upstream.RespondWithJson("""{"data":[]}""");
        var userAgent = "quick-reader/" + Guid.NewGuid().ToString("N");
        using var client = Client();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);

        using var response = await client.GetAsync(Gateway("anthropic/v1/models"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await LoggedAsync(userAgent, TimeSpan.FromMilliseconds(300))).Should().BeNull();
    }

    [Fact]
    public async Task A_client_that_stops_reading_for_longer_than_the_idle_timeout_is_cut_off_and_the_upstream_released()
    {
        Upstream.Respond(async context =>
        {
            context.Response.ContentType = "application/json";
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            await context.Response.Body.WriteAsync("{\"id\":\"msg_1\",\"pad\":\""u8.ToArray(), context.RequestAborted);
            for (var i = 0; i < Megabytes; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });

        // A small receive window and no reading at all: the gateway's writes stall past the fixture's 2 s idle timeout.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, Fixture.Factory.ClientOptions.BaseAddress.Port);
        var body = """{"model":"m","messages":[{"role":"user","content":"a big answer"}]}""";
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v2/aibridge/anthropic/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {Token}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));

        // The interception ends (and so the upstream call is released) once the stalled write times out.
        var waited = Stopwatch.StartNew();
        Guid id;
        while (true)
        {
            await using (var db = Fixture.CreateDbContext())
            {
                if (db.Interceptions.Where(i => i.EndedAt != null).Select(i => (Guid?)i.Id).SingleOrDefault() is { } ended)
                {
                    id = ended;
                    break;
                }
            }

            waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the stalled client must be cut off");
            await Task.Delay(50);
        }

        var recorded = await RecordedAsync(id);
        (recorded.StatusCode, recorded.ErrorType, recorded.ErrorMessage).Should().Be((200, "timeout", "the client stopped reading for longer than 2 s"));
        recorded.UserPrompts.Single().Prompt.Should().Be("a big answer");
    }

    /// <summary>The slow-client line naming <paramref name="userAgent"/>; it is written once the response has ended.</summary>
    private async Task<(LogLevel Level, string Message)?> LoggedAsync(string userAgent, TimeSpan? wait = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            foreach (var (level, _, message) in Fixture.Logs.Lines)
            {
                if (message.Contains("slow client", StringComparison.Ordinal) && message.Contains(userAgent, StringComparison.Ordinal))
                {
                    return (level, message);
                }
            }

            if (waited.Elapsed > (wait ?? TimeSpan.FromSeconds(10)))
            {
                return null;
            }

            await Task.Delay(20);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SlowClientTests_Sqlite(SqliteFixture fixture) : SlowClientTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SlowClientTests_Postgres(PostgresFixture fixture) : SlowClientTests(fixture);
