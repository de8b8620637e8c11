using System.Runtime.CompilerServices;
using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// An alias table (Walker 1977, built as in Vose 1991) over item popularity: a draw returns item j with probability
/// count_j / nnz exactly, count_j the nonzeros of column j of the training matrix: the distribution of
/// <c>columns[uniform entry]</c> (<see cref="NegativeSampling.Popularity"/>), from a table of one 8-byte entry per item
/// (20k items: 160 KB, which stays in L2) instead of a read at a random place of the nnz column indices (1.6M pairs: 6.4 MB).
/// </summary>
/// <remarks>
/// Integer masses, so the probabilities are exact: column k holds nnz units, item j has count_j x items units in all;
/// entry k keeps its own item for its first <c>Threshold</c> units and gives the other nnz - Threshold to <c>Alias</c>.
/// A draw takes k uniform in [0, items) and r uniform in [0, nnz) (two <see cref="Rng.NextInt(int)"/> draws) and returns
/// k when r &lt; Threshold[k], else Alias[k]. Items without a nonzero have Threshold 0 and are never an alias: never drawn.
/// </remarks>
internal sealed class PopularityAliasTable
{
    // Entry k at 2k (threshold) and 2k + 1 (alias): one draw reads one 8-byte pair.
    private readonly int[] _entries;

    private PopularityAliasTable(int[] entries, int items, int units)
    {
        _entries = entries;
        Items = items;
        Units = units;
    }

    /// <summary>Entries (the matrix's columns).</summary>
    public int Items { get; }

    /// <summary>Units per entry: the matrix's nonzeros (the range of the second draw).</summary>
    public int Units { get; }

    /// <summary>The entries as (threshold, alias) pairs of ints, 2 x <see cref="Items"/> long, for the pinned hot loop.</summary>
    public int[] Entries => _entries;

    /// <summary>Builds the table of <paramref name="matrix"/>'s column counts. Throws <see cref="ArgumentException"/> for a matrix without nonzeros.</summary>
    public static PopularityAliasTable Build(CsrMatrix matrix) => Build(matrix.ColumnIndices, matrix.Columns);

    /// <summary>
    /// Builds the table of the counts of <paramref name="columnIndices"/> (the nonzeros' columns, each in [0, <paramref name="columns"/>)).
    /// Throws <see cref="ArgumentException"/> when there is no nonzero.
    /// </summary>
    public static PopularityAliasTable Build(ReadOnlySpan<int> columnIndices, int columns)
    {
        var nnz = columnIndices.Length;
        var n = columns;
        if (nnz == 0) throw new ArgumentException("The matrix has no nonzeros: there is no popularity to draw from.", nameof(columnIndices));
        var mass = new long[n];
        foreach (var c in columnIndices) mass[c] += n;
        var entries = new int[2 * n];
        // Work lists as stacks, filled in item order: the table depends only on the counts.
        var small = new int[n];
        var large = new int[n];
        int smalls = 0, larges = 0;
        for (var j = 0; j < n; j++)
        {
            if (mass[j] < nnz) small[smalls++] = j;
            else large[larges++] = j;
        }
        while (smalls > 0 && larges > 0)
        {
            var s = small[--smalls];
            var l = large[larges - 1];
            entries[2 * s] = (int)mass[s];
            entries[2 * s + 1] = l;
            mass[l] -= nnz - mass[s];
            if (mass[l] < nnz)
            {
                larges--;
                small[smalls++] = l;
            }
        }
        // With exact integer masses what is left has exactly nnz units each: its own item for all of them.
        while (larges > 0) Fill(entries, large[--larges], nnz);
        while (smalls > 0) Fill(entries, small[--smalls], nnz);
        return new PopularityAliasTable(entries, n, nnz);
    }

    /// <summary>
    /// Item drawn by entry <paramref name="k"/> (in [0, Items)) and unit <paramref name="r"/> (in [0, Units)): k when r is below
    /// the entry's threshold, else its alias. Branch-free (a mask from the sign of r - threshold, which cannot overflow as both
    /// are in [0, Units]): the choice is a coin flip for many entries and a jump would mispredict.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe int Resolve(int* entries, int k, int r)
    {
        var own = (r - entries[2 * k]) >> 31;
        return (k & own) | (entries[2 * k + 1] & ~own);
    }

    /// <summary>One draw: k = rng.NextInt(Items), then r = rng.NextInt(Units), resolved by <see cref="Resolve"/>.</summary>
    public unsafe int Draw(ref Rng rng)
    {
        var k = rng.NextInt(Items);
        var r = rng.NextInt(Units);
        fixed (int* e = _entries) return Resolve(e, k, r);
    }

    /// <summary>
    /// The probability of item <paramref name="item"/> times Items x Units, summed from the table (for tests; equals count x Items):
    /// its own entry's threshold plus the units every entry with it as alias gives away (an entry that is its own alias gives none).
    /// </summary>
    public long Mass(int item)
    {
        long units = _entries[2 * item];
        for (var k = 0; k < Items; k++)
            if (_entries[2 * k + 1] == item) units += Units - _entries[2 * k];
        return units;
    }

    private static void Fill(int[] entries, int k, int units)
    {
        entries[2 * k] = units;
        entries[2 * k + 1] = k;
    }
}
