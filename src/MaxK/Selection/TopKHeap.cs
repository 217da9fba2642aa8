using System.Buffers.Binary;
using MaxK.Formats;

namespace MaxK.Selection;

/// <summary>
/// A size-k binary min-heap of (value, column) whose root is the worst kept entry, where "worse" means smaller
/// value, or equal value and higher column. One instance per worker; reused across rows.
/// </summary>
internal sealed class TopKHeap(int k)
{
    private readonly float[] _values = new float[k];
    private readonly int[] _columns = new int[k];
    private int _count;

    /// <summary>Fills the heap with the k best entries of <paramref name="row"/>; returns the first NaN column or −1.</summary>
    public int Select(ReadOnlySpan<float> row)
    {
        _count = 0;
        for (var c = 0; c < row.Length; c++)
        {
            var v = row[c];
            if (float.IsNaN(v))
                return c;
            if (_count < k)
            {
                SiftUp(_count++, v, c);
            }
            else if (IsWorse(_values[0], _columns[0], v, c))
            {
                SiftDown(0, v, c);
            }
        }
        return -1;
    }

    /// <summary>Empties the heap into rank order: slot 0 = best, slot k−1 = worst kept.</summary>
    public void WriteRanked(Span<float> values, Span<byte> indexBytes, CbsrIndexWidth width)
    {
        for (var slot = _count - 1; slot >= 0; slot--)
        {
            values[slot] = _values[0];
            if (width == CbsrIndexWidth.UInt8)
                indexBytes[slot] = (byte)_columns[0];
            else
                BinaryPrimitives.WriteUInt16LittleEndian(indexBytes[(slot * 2)..], (ushort)_columns[0]);
            _count--;
            if (_count > 0)
                SiftDown(0, _values[_count], _columns[_count]);
        }
    }

    // True when (va, ca) ranks below (vb, cb).
    private static bool IsWorse(float va, int ca, float vb, int cb) => va < vb || (va == vb && ca > cb);

    private void SiftUp(int hole, float v, int c)
    {
        while (hole > 0)
        {
            var parent = (hole - 1) >> 1;
            if (!IsWorse(v, c, _values[parent], _columns[parent]))
                break;
            _values[hole] = _values[parent];
            _columns[hole] = _columns[parent];
            hole = parent;
        }
        _values[hole] = v;
        _columns[hole] = c;
    }

    private void SiftDown(int hole, float v, int c)
    {
        while (true)
        {
            var child = (2 * hole) + 1;
            if (child >= _count)
                break;
            if (child + 1 < _count && IsWorse(_values[child + 1], _columns[child + 1], _values[child], _columns[child]))
                child++;
            if (!IsWorse(_values[child], _columns[child], v, c))
                break;
            _values[hole] = _values[child];
            _columns[hole] = _columns[child];
            hole = child;
        }
        _values[hole] = v;
        _columns[hole] = c;
    }
}
