using Encore.Core.Randomness;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// Pins BPR's branch-free negative check (<see cref="BprEpoch.SortedContains"/>) against the library binary search
/// on random strictly increasing rows of every length from 0 to 70, for keys below, inside, between and above the row.
/// </summary>
public sealed class BprSortedContainsTests
{
    [Fact]
    public unsafe void SortedContains_AgreesWithBinarySearch()
    {
        var rng = new Rng(7);
        for (var length = 0; length <= 70; length++)
        {
            var row = new int[length];
            var next = rng.NextInt(3);
            for (var i = 0; i < length; i++)
            {
                row[i] = next;
                next += 1 + rng.NextInt(3);
            }
            fixed (int* p = row)
            {
                for (var key = -2; key <= next + 2; key++)
                {
                    var expected = row.AsSpan().BinarySearch(key) >= 0;
                    Assert.True(expected == BprEpoch.SortedContains(p, length, key), $"length {length}, key {key}");
                }
            }
        }
    }
}
