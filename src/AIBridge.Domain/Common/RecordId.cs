namespace AIBridge.Domain.Common;

/// <summary>
/// Ids of recorded rows: UUIDv7 (RFC 9562), whose leading 48 bits are the creation time in
/// milliseconds and whose other 74 bits are random. Time-ordered ids make every index keyed by them
/// grow at its end, so a recorder batch dirties a few index pages instead of one per row
/// (ADR 0013: on SQLite about 4.5 times less write-ahead log per batch).
/// </summary>
public static class RecordId
{
    public static Guid New(DateTime at) => Guid.CreateVersion7(new DateTimeOffset(Timestamp.Normalize(at)));
}
