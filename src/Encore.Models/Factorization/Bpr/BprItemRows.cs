using System.Runtime.CompilerServices;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// Where a BPR step finds an item's factor row and bias in the training layout. A struct type parameter of the epoch loop,
/// so each placement compiles to its own loop and the shared one costs nothing over a plain index (one thread runs it).
/// </summary>
internal unsafe interface IBprItemRows
{
    /// <summary>The item's d latent floats (on a cache line).</summary>
    float* Row(int item);

    /// <summary>The item's bias.</summary>
    float* Bias(int item);
}

/// <summary>Every item in place: row <c>item</c> of the shared rows, entry <c>item</c> of the shared biases.</summary>
internal readonly unsafe struct SharedItemRows(float* rows, int stride, float* bias) : IBprItemRows
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Row(int item) => rows + (long)item * stride;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Bias(int item) => bias + item;
}

/// <summary>
/// The hot items (<see cref="BprItemCopies"/>) in one worker's copy, slot <c>slotOf[item]</c>; the others (slot -1) in place.
/// </summary>
internal readonly unsafe struct PrivateHotItemRows(float* rows, int stride, float* bias, int* slotOf, float* copyRows, float* copyBias) : IBprItemRows
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Row(int item)
    {
        var slot = slotOf[item];
        return slot < 0 ? rows + (long)item * stride : copyRows + (long)slot * stride;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Bias(int item)
    {
        var slot = slotOf[item];
        return slot < 0 ? bias + item : copyBias + slot;
    }
}
