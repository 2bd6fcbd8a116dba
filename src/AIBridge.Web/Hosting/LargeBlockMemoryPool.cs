using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace AIBridge.Web.Hosting;

/// <summary>
/// Kestrel's connection buffers in 32 KB blocks instead of its own 4 KB ones: a socket read then takes
/// up to 32 KB, so a coding agent's request of a few hundred kilobytes arrives in a few reads, each
/// with its own system call and wake-up of the reader, instead of one per 4 KB.
/// </summary>
/// <remarks>
/// Blocks are pinned (the socket reads into them) and allocated on first use; up to
/// <see cref="Retained"/> free blocks per pool are kept for reuse, and the rest of a burst is left to
/// the collector, so memory falls back once the connections are gone.
/// </remarks>
public sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 32 * 1024;

    public const int Retained = 512;

    private readonly ConcurrentQueue<Block> _free = new();
    private int _freeCount;

    public override int MaxBufferSize => BlockSize;

    /// <summary>
    /// Replaces the factory Kestrel's socket transport takes its pools from: the last registration wins, and
    /// <c>WebApplication.CreateBuilder</c> registers Kestrel's own before the application's services.
    /// </summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IMemoryPoolFactory<byte>, Factory>();

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            return block;
        }

        return new Block(this, GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _freeCount) <= Retained)
        {
            _free.Enqueue(block);
        }
        else
        {
            Interlocked.Decrement(ref _freeCount);
        }
    }

    private sealed class Block(LargeBlockMemoryPool pool, byte[] array) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory { get; } = array;

        public void Dispose() => pool.Return(this);
    }

    private sealed class Factory : IMemoryPoolFactory<byte>
    {
        public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
    }
}
