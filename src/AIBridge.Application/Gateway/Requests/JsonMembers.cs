using System.Text.Json;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>
/// Walks the members of a JSON object one by one (<see cref="JsonOutline"/>): each member's name, then
/// its value, which the caller reads, walks itself (<see cref="ValueEndsAt"/>) or leaves to be skipped.
/// </summary>
public ref struct JsonMembers
{
    private readonly ReadOnlySpan<byte> _json;
    private readonly int _depth;
    private int _at;
    private int _nameStart;
    private int _nameEnd;
    private int _valueEnd = -1;

    /// <param name="start">Where the object's <c>{</c> is.</param>
    /// <param name="depth">How many containers hold the object, itself included.</param>
    public JsonMembers(ReadOnlySpan<byte> json, int start, int depth)
    {
        if (depth > GatewayJson.MaxDepth)
        {
            throw JsonOutline.TooDeep();
        }

        _json = json;
        _depth = depth;
        _at = JsonOutline.Expect(json, start, (byte)'{');
        ValueStart = -1;
    }

    /// <summary>The current member's value starts here.</summary>
    public int ValueStart { get; private set; }

    /// <summary>How many containers hold the current value.</summary>
    public readonly int Depth => _depth;

    /// <summary>After <see cref="Next"/> returned false: just past the closing <c>}</c>.</summary>
    public int End { get; private set; }

    /// <summary>Moves to the next member; false after the last.</summary>
    public bool Next()
    {
        var afterMember = ValueStart >= 0;
        if (afterMember)
        {
            _at = _valueEnd >= 0 ? _valueEnd : SkipValue().End;
        }

        _at = JsonOutline.SkipWhitespace(_json, _at);
        if (_at < _json.Length && _json[_at] == '}')
        {
            End = _at + 1;
            ValueStart = -1;
            return false;
        }

        if (afterMember)
        {
            _at = JsonOutline.SkipWhitespace(_json, JsonOutline.Expect(_json, _at, (byte)','));
        }

        if (_at >= _json.Length || _json[_at] != '"')
        {
            throw JsonOutline.Error(_at >= _json.Length ? "the body ends inside an object" : $"expected a member name at byte {_at}");
        }

        _nameStart = _at;
        _nameEnd = JsonOutline.StringEnd(_json, _at);
        ValueStart = JsonOutline.SkipWhitespace(_json, JsonOutline.Expect(_json, _nameEnd, (byte)':'));
        if (ValueStart >= _json.Length)
        {
            throw JsonOutline.Error("the body ends where a value was expected");
        }

        _valueEnd = -1;
        return true;
    }

    /// <summary>Whether the current member is named <paramref name="name"/>, escapes decoded.</summary>
    public readonly bool NameIs(ReadOnlySpan<byte> name)
    {
        var raw = _json[(_nameStart + 1)..(_nameEnd - 1)];
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return raw.SequenceEqual(name);
        }

        var reader = new Utf8JsonReader(_json[_nameStart.._nameEnd]);
        reader.Read();
        try
        {
            return reader.ValueTextEquals(name);
        }
        catch (InvalidOperationException)
        {
            // A name whose escapes do not decode (an unpaired surrogate) is no name the gateway reads.
            return false;
        }
    }

    /// <summary>Skips the current value; its bytes as sent are <c>json[start..end]</c>.</summary>
    public (int Start, int End) SkipValue()
    {
        _valueEnd = JsonOutline.ValueEnd(_json, ValueStart, _depth);
        return (ValueStart, _valueEnd);
    }

    /// <summary>The caller walked the current value itself, to <paramref name="end"/>.</summary>
    public void ValueEndsAt(int end) => _valueEnd = end;
}
