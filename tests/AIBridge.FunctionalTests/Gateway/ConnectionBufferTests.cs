using AIBridge.Web;
using AIBridge.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>
/// Kestrel's socket transport takes its pools from AIBridge's 32 KB factory when the application is
/// composed as its start-up composes it. (The test hosts add Kestrel again after the application's
/// services, so they run on Kestrel's own pool; the pool itself is covered by its unit tests.)
/// </summary>
public sealed class ConnectionBufferTests
{
    [Fact]
    public async Task The_web_services_replace_the_pool_factory_that_kestrel_registered_before_them()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddWebServices();
        await using var app = builder.Build();

        using var pool = app.Services.GetRequiredService<IMemoryPoolFactory<byte>>().Create();

        pool.MaxBufferSize.Should().Be(LargeBlockMemoryPool.BlockSize);
    }
}
