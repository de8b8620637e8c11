using System.Runtime.CompilerServices;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// Which of a user's positives a ByUser chunk visits: every one (<see cref="AllPositives"/>) or those in one item block of a
/// stratified epoch (<see cref="BlockPositivesOf"/>). A struct type parameter of the epoch loop, so each kind is compiled into
/// its own loop and the unstratified one carries no filter.
/// </summary>
internal unsafe interface IUserPositives
{
    /// <summary>Whether <see cref="Copy"/> can return 0 for a row with entries (the loop then passes over the user).</summary>
    static abstract bool MayBeEmpty { get; }

    /// <summary>Copies the visited entries of the sorted row <paramref name="row"/> (<paramref name="length"/> items) into <paramref name="target"/> in row order; returns how many.</summary>
    int Copy(int* row, int length, int* target);
}

/// <summary>Every positive of the user.</summary>
internal readonly unsafe struct AllPositives : IUserPositives
{
    public static bool MayBeEmpty => false;

    // Not inlined: called once per user, and kept out of the step loop's registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Copy(int* row, int length, int* target)
    {
        new ReadOnlySpan<int>(row, length).CopyTo(new Span<int>(target, length));
        return length;
    }
}

/// <summary>The positives in item block <c>block</c> (<c>blockOf</c>[item] == block; <c>blockOf</c> must stay pinned while in use).</summary>
internal readonly unsafe struct BlockPositivesOf(byte* blockOf, int block) : IUserPositives
{
    public static bool MayBeEmpty => true;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Copy(int* row, int length, int* target) => BprUserEpoch.BlockPositives(row, length, blockOf, block, target);
}
