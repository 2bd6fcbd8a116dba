using System.Buffers;

namespace AIBridge.Application.Common.Buffers;

/// <summary>
/// A growable run of bytes whose arrays are rented from the shared pool and returned to it: for
/// per-request buffers on the gateway's paths, where a fresh (zeroed) array per request costs CPU.
/// </summary>
public sealed class PooledBuffer : IDisposable
{
    private byte[] _array = [];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, Length);

    /// <summary>Room for at least <paramref name="size"/> more bytes, to fill and then <see cref="Advance"/> over.</summary>
    public Memory<byte> GetMemory(int size)
    {
        var needed = Length + size;
        if (needed > _array.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
            Written.CopyTo(larger);
            Return();
            _array = larger;
        }

        return _array.AsMemory(Length);
    }

    public void Advance(int count) => Length += count;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetMemory(bytes.Length).Span);
        Length += bytes.Length;
    }

    /// <summary>Empties the buffer and keeps its array for what comes next.</summary>
    public void Clear() => Length = 0;

    public void Dispose()
    {
        Return();
        _array = [];
        Length = 0;
    }

    private void Return()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
