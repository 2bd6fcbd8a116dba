using AIBridge.Web.Hosting;

namespace AIBridge.UnitTests.Hosting;

public sealed class LargeBlockMemoryPoolTests
{
    [Fact]
    public void Every_rent_up_to_a_block_gets_a_whole_block_and_larger_ones_are_refused()
    {
        using var pool = new LargeBlockMemoryPool();

        foreach (var size in new[] { -1, 1, 4096, LargeBlockMemoryPool.BlockSize })
        {
            using var block = pool.Rent(size);
            block.Memory.Length.Should().Be(LargeBlockMemoryPool.BlockSize);
        }

        pool.MaxBufferSize.Should().Be(LargeBlockMemoryPool.BlockSize);
        pool.Invoking(p => p.Rent(LargeBlockMemoryPool.BlockSize + 1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Returned_blocks_are_reused_up_to_the_retained_number()
    {
        using var pool = new LargeBlockMemoryPool();
        var burst = LargeBlockMemoryPool.Retained + 10;
        var first = Enumerable.Range(0, burst).Select(_ => pool.Rent()).ToList();
        var arrays = first.Select(Array).ToHashSet(ReferenceEqualityComparer.Instance);
        first.ForEach(b => b.Dispose());

        var second = Enumerable.Range(0, burst).Select(_ => pool.Rent()).ToList();

        second.Count(b => arrays.Contains(Array(b))).Should().Be(LargeBlockMemoryPool.Retained);
        second.Select(Array).Distinct(ReferenceEqualityComparer.Instance).Should().HaveCount(burst, "no block is handed out twice");
    }

    private static object Array(System.Buffers.IMemoryOwner<byte> block) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(block.Memory, out var segment) ? segment.Array! : throw new InvalidOperationException();
}
