using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace AIBridge.Application.Gateway.Bedrock;

/// <summary>
/// One message of AWS's binary event stream (<c>application/vnd.amazon.eventstream</c>): a prelude with its
/// lengths and their CRC32, typed headers, the payload, and the CRC32 of the whole message.
/// </summary>
public sealed record EventStreamFrame(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Payload)
{
    private const int PreludeLength = 12;
    private const int TrailerLength = 4;

    /// <summary>A frame longer than this is not a Bedrock event: the stream is refused rather than buffered without end.</summary>
    public const int MaxLength = 16 * 1024 * 1024;

    /// <summary>The length of the frame at the start of <paramref name="buffer"/>, or null until its prelude has arrived.</summary>
    /// <exception cref="InvalidDataException">The prelude is damaged, or names an impossible length.</exception>
    public static int? Length(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length < PreludeLength)
        {
            return null;
        }

        var total = BinaryPrimitives.ReadUInt32BigEndian(buffer);
        var headers = BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]);
        if (Crc32.HashToUInt32(buffer[..8]) != BinaryPrimitives.ReadUInt32BigEndian(buffer[8..]))
        {
            throw new InvalidDataException("event stream prelude checksum mismatch");
        }

        if (total is < PreludeLength + TrailerLength or > MaxLength || headers > total - PreludeLength - TrailerLength)
        {
            throw new InvalidDataException($"event stream frame of impossible length {total}");
        }

        return (int)total;
    }

    /// <summary>Reads a whole frame (<see cref="Length"/> bytes).</summary>
    /// <exception cref="InvalidDataException">The frame is damaged.</exception>
    public static EventStreamFrame Read(ReadOnlyMemory<byte> frame)
    {
        var span = frame.Span;
        if (Crc32.HashToUInt32(span[..^TrailerLength]) != BinaryPrimitives.ReadUInt32BigEndian(span[^TrailerLength..]))
        {
            throw new InvalidDataException("event stream message checksum mismatch");
        }

        var headersLength = (int)BinaryPrimitives.ReadUInt32BigEndian(span[4..]);
        var headers = ReadHeaders(span.Slice(PreludeLength, headersLength));
        return new EventStreamFrame(headers, frame[(PreludeLength + headersLength)..^TrailerLength]);
    }

    /// <summary>Writes a frame: what a test's fake Bedrock sends.</summary>
    public static byte[] Write(IReadOnlyList<(string Name, string Value)> headers, ReadOnlySpan<byte> payload)
    {
        var headerBytes = headers.SelectMany(h =>
        {
            var name = Encoding.UTF8.GetBytes(h.Name);
            var value = Encoding.UTF8.GetBytes(h.Value);
            var bytes = new byte[1 + name.Length + 1 + 2 + value.Length];
            bytes[0] = (byte)name.Length;
            name.CopyTo(bytes, 1);
            bytes[1 + name.Length] = StringType;
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2 + name.Length), (ushort)value.Length);
            value.CopyTo(bytes, 4 + name.Length);
            return bytes;
        }).ToArray();
        var frame = new byte[PreludeLength + headerBytes.Length + payload.Length + TrailerLength];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)frame.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32.HashToUInt32(frame.AsSpan(0, 8)));
        headerBytes.CopyTo(frame, PreludeLength);
        payload.CopyTo(frame.AsSpan(PreludeLength + headerBytes.Length));
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(frame.Length - TrailerLength), Crc32.HashToUInt32(frame.AsSpan(0, frame.Length - TrailerLength)));
        return frame;
    }

    private const byte StringType = 7;

    /// <summary>String headers by name; headers of the other types are skipped by their sizes.</summary>
    private static Dictionary<string, string> ReadHeaders(ReadOnlySpan<byte> span)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!span.IsEmpty)
        {
            var nameLength = span[0];
            var name = Encoding.UTF8.GetString(span.Slice(1, nameLength));
            var type = span[1 + nameLength];
            span = span[(2 + nameLength)..];
            var size = type switch
            {
                0 or 1 => 0,
                2 => 1,
                3 => 2,
                4 => 4,
                5 or 8 => 8,
                9 => 16,
                6 or StringType => 2 + BinaryPrimitives.ReadUInt16BigEndian(span),
                _ => throw new InvalidDataException($"event stream header \"{name}\" has unknown type {type}"),
            };
            if (type == StringType)
            {
                headers[name] = Encoding.UTF8.GetString(span.Slice(2, size - 2));
            }

            span = span[size..];
        }

        return headers;
    }
}
