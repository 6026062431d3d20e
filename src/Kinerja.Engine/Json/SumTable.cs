using System.Runtime.CompilerServices;

namespace Kinerja.Engine.Json;

/// <summary>
/// Quantity sums by a non-zero 64-bit key, open addressing: one array probe per service line where a
/// <see cref="Dictionary{TKey, TValue}"/> takes a bucket, an entry and a modulo (docs/performance.md).
/// </summary>
internal sealed class SumTable
{
    private long[] _keys = new long[1024];
    private long[] _sums = new long[1024];
    private int _mask = 1023;

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="quantity"/> to the sum of <paramref name="key"/> (keys are well mixed, never 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long key, long quantity)
    {
        var slot = (int)(key ^ (key >> 32)) & _mask;
        while (true)
        {
            var existing = _keys[slot];
            if (existing == key)
            {
                _sums[slot] = checked(_sums[slot] + quantity);
                return;
            }

            if (existing == 0)
            {
                _keys[slot] = key;
                _sums[slot] = quantity;
                if (++Count * 2 > _mask)
                {
                    Grow();
                }

                return;
            }

            slot = (slot + 1) & _mask;
        }
    }

    public IEnumerable<(long Key, long Sum)> Entries()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                yield return (_keys[i], _sums[i]);
            }
        }
    }

    private void Grow()
    {
        var (keys, sums) = (_keys, _sums);
        _keys = new long[keys.Length * 2];
        _sums = new long[keys.Length * 2];
        _mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                var slot = (int)(keys[i] ^ (keys[i] >> 32)) & _mask;
                while (_keys[slot] != 0)
                {
                    slot = (slot + 1) & _mask;
                }

                _keys[slot] = keys[i];
                _sums[slot] = sums[i];
            }
        }
    }
}
