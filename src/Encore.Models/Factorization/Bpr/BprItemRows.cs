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
/// The hot items (<see cref="BprItemCopies"/>: items 0 .. hot - 1 after the popularity relabelling) in one worker's copy, the
/// others in place. Branch-free and without a table read: about 60% of HetRec's item reads are hot, in random order, so a jump
/// would mispredict often; the copy's offset is added under a mask from the sign of item - hot.
/// </summary>
internal readonly unsafe struct PrivateHotItemRows(float* rows, int stride, float* bias, int hot, float* copyRows, float* copyBias) : IBprItemRows
{
    // Bytes from an item's shared row (bias) to its row (bias) in the copy: the same index in both, as hot items are 0 .. hot - 1.
    private readonly nint _rowShift = (nint)copyRows - (nint)rows;
    private readonly nint _biasShift = (nint)copyBias - (nint)bias;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Row(int item) => (float*)((nint)(rows + (long)item * stride) + (_rowShift & HotMask(item)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Bias(int item) => (float*)((nint)(bias + item) + (_biasShift & HotMask(item)));

    // All ones when item < hot, else 0: the sign of item - hot spread over the word (no overflow: both are >= 0).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private nint HotMask(int item) => (nint)((item - hot) >> 31);
}
