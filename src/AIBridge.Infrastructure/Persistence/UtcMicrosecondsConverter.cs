using AIBridge.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AIBridge.Infrastructure.Persistence;

/// <summary>
/// Writes UTC truncated to microseconds and reads back as UTC, whatever the provider returns
/// (SQLite hands back <see cref="DateTimeKind.Unspecified"/>).
/// </summary>
internal sealed class UtcMicrosecondsConverter() : ValueConverter<DateTime, DateTime>(
    v => Timestamp.Normalize(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
