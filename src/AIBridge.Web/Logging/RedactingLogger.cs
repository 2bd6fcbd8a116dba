namespace AIBridge.Web.Logging;

/// <summary>Passes a line on unchanged unless one of its values holds a query-string credential; then passes a redacted copy.</summary>
public sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values && HoldsSecret(values))
        {
            var redacted = new RedactedState(
                values.Select(v => new KeyValuePair<string, object?>(v.Key, Redact(v.Value))).ToList(),
                SecretRedaction.Redact(formatter(state, exception)));
            inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.ToString());
            return;
        }

        inner.Log(logLevel, eventId, state, exception, formatter);
    }

    private static bool HoldsSecret(IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Value is string or Uri && SecretRedaction.MightHoldSecret(values[i].Value!.ToString()!))
            {
                return true;
            }
        }

        return false;
    }

    private static object? Redact(object? value) => value is string or Uri ? SecretRedaction.Redact(value.ToString()!) : value;

    /// <summary>The line's values with credentials replaced; <see cref="ToString"/> is its redacted message, as formatters expect.</summary>
    private sealed class RedactedState(List<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
