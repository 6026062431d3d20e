using System.Runtime.CompilerServices;

namespace Kinerja.Engine.Json;

/// <summary>
/// The service line ids seen so far, for the duplicate check of calculation.md §5 (docs/decisions/0006). SIMRS
/// exports usually list lines by id; while every id is greater than the one before (ordinal bytes), no id can
/// repeat an earlier one, so the check is one comparison with the previous id, and the ids are only logged,
/// front-coded (the bytes shared with the previous id are not repeated: "L00000001", "L00000002" cost a few bytes
/// each). The first id out of order replays the log into a hash table, which then checks every later id.
/// </summary>
internal sealed class LineIdSet
{
    private const int ChunkSize = 1 << 20;

    // Log entry: line delta (varint), shared prefix length (1 byte), suffix length (varint), suffix bytes.
    private readonly List<byte[]> _chunks;
    private readonly List<int> _used = [0]; // bytes used in each chunk but the last, which is _at
    private byte[] _chunk = new byte[ChunkSize];
    private int _at;
    private byte[] _previous = new byte[64];
    private int _previousLength = -1;
    private int _previousLine;
    private Utf8KeyTable? _table;
    private int[] _lines = [];

    public LineIdSet() => _chunks = [_chunk];

    /// <summary>True while the ids came in strictly increasing order (the cheap path).</summary>
    public bool Ordered => _table is null;

    /// <summary>Adds <paramref name="id"/> of line <paramref name="line"/>: -1 when new, else the line that had it first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Add(ReadOnlySpan<byte> id, int line)
    {
        if (_table is null)
        {
            if (_previousLength < 0)
            {
                Append(id, line, 0);
                return -1;
            }

            var previous = _previous.AsSpan(0, _previousLength);
            var shared = id.CommonPrefixLength(previous);
            if (shared < id.Length && (shared == previous.Length || id[shared] > previous[shared]))
            {
                Append(id, line, shared);
                return -1;
            }

            ToTable();
        }

        var number = _table!.GetOrAdd(id, out var added);
        if (!added)
        {
            return _lines[number];
        }

        Remember(number, line);
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(ReadOnlySpan<byte> id, int line, int shared)
    {
        shared = Math.Min(shared, byte.MaxValue);
        var suffix = id[shared..];
        var chunk = _chunk;
        var at = _at;
        if (at + 16 + suffix.Length > chunk.Length)
        {
            _used[^1] = at;
            chunk = _chunk = new byte[Math.Max(ChunkSize, 16 + suffix.Length)];
            _chunks.Add(chunk);
            _used.Add(0);
            at = 0;
        }

        var delta = (uint)(line - _previousLine);
        if (delta < 0x80 && suffix.Length < 0x80)
        {
            // The usual entry: one byte each for the line delta, the shared length and the suffix length.
            chunk[at] = (byte)delta;
            chunk[at + 1] = (byte)shared;
            chunk[at + 2] = (byte)suffix.Length;
            at += 3;
        }
        else
        {
            at = WriteVarint(chunk, at, delta);
            chunk[at++] = (byte)shared;
            at = WriteVarint(chunk, at, (uint)suffix.Length);
        }

        suffix.CopyTo(chunk.AsSpan(at));
        _at = at + suffix.Length;

        if (_previous.Length < id.Length)
        {
            Array.Resize(ref _previous, id.Length * 2);
        }

        suffix.CopyTo(_previous.AsSpan(shared));
        _previousLength = id.Length;
        _previousLine = line;
    }

    /// <summary>Replays the log into a hash table: from here on every id is looked up.</summary>
    private void ToTable()
    {
        _used[^1] = _at;
        _table = new Utf8KeyTable();
        var id = new byte[64];
        var length = 0;
        var line = 0;
        for (var c = 0; c < _chunks.Count; c++)
        {
            var chunk = _chunks[c];
            var at = 0;
            while (at < _used[c])
            {
                at = ReadVarint(chunk, at, out var delta);
                var shared = chunk[at++];
                at = ReadVarint(chunk, at, out var suffixLength);
                length = shared + (int)suffixLength;
                if (id.Length < length)
                {
                    Array.Resize(ref id, length * 2);
                }

                chunk.AsSpan(at, (int)suffixLength).CopyTo(id.AsSpan(shared));
                at += (int)suffixLength;
                line += (int)delta;
                Remember(_table.GetOrAdd(id.AsSpan(0, length), out _), line);
            }
        }

        _chunks.Clear();
        _used.Clear();
    }

    private void Remember(int number, int line)
    {
        if (number >= _lines.Length)
        {
            Array.Resize(ref _lines, Math.Max(1024, _lines.Length * 2));
        }

        _lines[number] = line;
    }

    private static int WriteVarint(byte[] buffer, int at, uint value)
    {
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[at++] = (byte)value;
        return at;
    }

    private static int ReadVarint(byte[] buffer, int at, out uint value)
    {
        value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = buffer[at++];
            value |= (uint)(b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        return at;
    }
}
