namespace AIBridge.Application.Gateway.Requests;

/// <summary>
/// Walks the elements of a JSON array one by one (<see cref="JsonOutline"/>): each element is read or
/// walked by the caller (<see cref="ElementEndsAt"/>) or left to be skipped.
/// </summary>
public ref struct JsonElements
{
    private readonly ReadOnlySpan<byte> _json;
    private readonly int _depth;
    private int _elementEnd = -1;
    private int _at;

    /// <param name="start">Where the array's <c>[</c> is.</param>
    /// <param name="depth">How many containers hold the array, itself included.</param>
    public JsonElements(ReadOnlySpan<byte> json, int start, int depth)
    {
        if (depth > GatewayJson.MaxDepth)
        {
            throw JsonOutline.TooDeep();
        }

        _json = json;
        _depth = depth;
        _at = JsonOutline.Expect(json, start, (byte)'[');
        ElementStart = -1;
    }

    /// <summary>The current element starts here.</summary>
    public int ElementStart { get; private set; }

    /// <summary>How many containers hold the current element.</summary>
    public readonly int Depth => _depth;

    /// <summary>After <see cref="Next"/> returned false: just past the closing <c>]</c>.</summary>
    public int End { get; private set; }

    /// <summary>Moves to the next element; false after the last.</summary>
    public bool Next()
    {
        var afterElement = ElementStart >= 0;
        if (afterElement)
        {
            _at = _elementEnd >= 0 ? _elementEnd : SkipElement().End;
        }

        _at = JsonOutline.SkipWhitespace(_json, _at);
        if (_at < _json.Length && _json[_at] == ']')
        {
            End = _at + 1;
            ElementStart = -1;
            return false;
        }

        if (afterElement)
        {
            _at = JsonOutline.SkipWhitespace(_json, JsonOutline.Expect(_json, _at, (byte)','));
        }

        if (_at >= _json.Length)
        {
            throw JsonOutline.Error("the body ends inside an array");
        }

        ElementStart = _at;
        _elementEnd = -1;
        return true;
    }

    /// <summary>Skips the current element; its bytes as sent are <c>json[start..end]</c>.</summary>
    public (int Start, int End) SkipElement()
    {
        _elementEnd = JsonOutline.ValueEnd(_json, ElementStart, _depth);
        return (ElementStart, _elementEnd);
    }

    /// <summary>The caller walked the current element itself, to <paramref name="end"/>.</summary>
    public void ElementEndsAt(int end) => _elementEnd = end;
}
