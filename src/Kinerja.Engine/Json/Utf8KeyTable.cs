using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Kinerja.Engine.Json;

/// <summary>
/// A set of UTF-8 keys numbered in order of arrival, looked up by bytes: the streamed reader interns line ids,
/// staff ids and service codes without allocating a string per line. Keys live back to back in one byte arena;
/// each slot keeps the key's hash beside its number, so a probe rarely touches the arena (docs/performance.md).
/// </summary>
internal sealed class Utf8KeyTable
{
    // Per process, so crafted ids cannot be lined up to collide.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    private byte[] _arena = new byte[1 << 16];
    private int _arenaLength;
    private int[] _offsets = new int[1024];
    private int[] _lengths = new int[1024];
    private long[] _slots = new long[2048]; // (hash << 32) | (number + 1); 0 = empty
    private int _mask = 2047;

    public int Count { get; private set; }

    /// <summary>The key's number, adding it when new (<paramref name="added"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(ReadOnlySpan<byte> key, out bool added)
    {
        var hash = Hash(key);
        var slot = (int)hash & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            var number = (int)entry - 1;
            if ((uint)(entry >> 32) == hash && _lengths[number] == key.Length && key.SequenceEqual(_arena.AsSpan(_offsets[number], key.Length)))
            {
                added = false;
                return number;
            }

            slot = (slot + 1) & _mask;
        }

        added = true;
        var newNumber = Add(key);
        _slots[slot] = ((long)hash << 32) | (uint)(newNumber + 1);
        if (Count * 2 > _mask)
        {
            Grow();
        }

        return newNumber;
    }

    public ReadOnlySpan<byte> Key(int number) => _arena.AsSpan(_offsets[number], _lengths[number]);

    public string KeyString(int number) => Encoding.UTF8.GetString(Key(number));

    private int Add(ReadOnlySpan<byte> key)
    {
        if (_arenaLength + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + key.Length));
        }

        if (Count == _offsets.Length)
        {
            Array.Resize(ref _offsets, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        key.CopyTo(_arena.AsSpan(_arenaLength));
        _offsets[Count] = _arenaLength;
        _lengths[Count] = key.Length;
        _arenaLength += key.Length;
        return Count++;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                var slot = (int)(entry >> 32) & _mask;
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & _mask;
                }

                _slots[slot] = entry;
            }
        }
    }

    /// <summary>A multiply-xorshift hash over 8-byte words: ids and codes are short, so this is a few instructions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> key)
    {
        var hash = Seed ^ (ulong)key.Length;
        while (key.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * 0x9E3779B97F4A7C15;
            hash ^= hash >> 29;
            key = key[8..];
        }

        if (!key.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < key.Length; i++)
            {
                tail |= (ulong)key[i] << (8 * i);
            }

            hash = (hash ^ tail) * 0x9E3779B97F4A7C15;
        }

        hash ^= hash >> 32;
        hash *= 0xD6E8FEB86659FD93;
        return (uint)(hash ^ (hash >> 32));
    }
}
