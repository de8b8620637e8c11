using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// One worker's private copy of the hot items' factor rows and biases (<see cref="BprHotItems"/>) for the length of a
/// chunk: <see cref="Load"/> copies the shared rows into <see cref="Rows"/> / <see cref="Bias"/> and keeps a snapshot; the
/// chunk's steps on a hot item read and write the copy; <see cref="Merge"/> adds (copy - snapshot) to the shared rows under
/// a lock. This is a delayed, summed update as in local SGD / model averaging (Zinkevich et al. 2010; Stich 2019, "Local SGD
/// converges fast and communicates little"): the other workers' updates to a hot item during the chunk are not seen until
/// the next chunk, and none is lost.
/// </summary>
internal sealed unsafe class BprHotRows
{
    private readonly BprHotItems _hot;
    private readonly AlignedRows _snapshot;
    private readonly float[] _biasSnapshot;

    /// <summary>Buffers for the hot set <paramref name="hot"/> and rows of <paramref name="d"/> latent floats.</summary>
    public BprHotRows(BprHotItems hot, int d)
    {
        _hot = hot;
        Rows = new AlignedRows(hot.Ids.Length, d);
        _snapshot = new AlignedRows(hot.Ids.Length, d);
        Bias = GC.AllocateUninitializedArray<float>(hot.Ids.Length, pinned: true);
        _biasSnapshot = new float[hot.Ids.Length];
        RowShift = GC.AllocateArray<long>(hot.Ids.Length + 1, pinned: true);
        BiasShift = GC.AllocateArray<long>(hot.Ids.Length + 1, pinned: true);
    }

    /// <summary>
    /// By index slot (<see cref="BprHotItems.Slots"/>: 0 cold, s + 1 hot slot s): how many floats the copy of the item's row lies
    /// from its shared row, so that shared row + shift is the row a step uses (0 for a cold item). Set by <see cref="Aim"/>.
    /// </summary>
    public long[] RowShift { get; }

    /// <summary>As <see cref="RowShift"/> for the item's bias entry.</summary>
    public long[] BiasShift { get; }

    /// <summary>
    /// Fills <see cref="RowShift"/> and <see cref="BiasShift"/> for the shared rows at <paramref name="items"/> (stride of
    /// <see cref="Rows"/>) and the shared biases at <paramref name="bias"/> (pinned for the chunk: it may move between chunks).
    /// </summary>
    public void Aim(float* items, float* bias)
    {
        var ids = _hot.Ids;
        var stride = Rows.Stride;
        fixed (float* copyBias = Bias)
        {
            for (var s = 0; s < ids.Length; s++)
            {
                RowShift[s + 1] = (Rows.Base + (long)s * stride) - (items + (long)ids[s] * stride);
                BiasShift[s + 1] = (copyBias + s) - (bias + ids[s]);
            }
        }
    }

    /// <summary>The private rows, by slot (row s is item <see cref="BprHotItems.Ids"/>[s]).</summary>
    public AlignedRows Rows { get; }

    /// <summary>The private biases, by slot (pinned).</summary>
    public float[] Bias { get; }

    /// <summary>Copies the shared rows and biases of the hot items into the private copy and the snapshot.</summary>
    public void Load(AlignedRows items, float[] itemBias)
    {
        var ids = _hot.Ids;
        for (var s = 0; s < ids.Length; s++)
        {
            items.Row(ids[s]).CopyTo(Rows.Row(s));
            items.Row(ids[s]).CopyTo(_snapshot.Row(s));
            Bias[s] = _biasSnapshot[s] = itemBias[ids[s]];
        }
    }

    /// <summary>Adds (private - snapshot) to every hot item's shared row and bias, holding <paramref name="gate"/>.</summary>
    public void Merge(AlignedRows items, float[] itemBias, Lock gate)
    {
        var ids = _hot.Ids;
        lock (gate)
        {
            for (var s = 0; s < ids.Length; s++)
            {
                AddDelta(items.Row(ids[s]), Rows.Row(s), _snapshot.Row(s));
                itemBias[ids[s]] += Bias[s] - _biasSnapshot[s];
            }
        }
    }

    /// <summary>shared[f] += copy[f] - snapshot[f] for every f (equal lengths).</summary>
    internal static void AddDelta(Span<float> shared, ReadOnlySpan<float> copy, ReadOnlySpan<float> snapshot)
    {
        for (var f = 0; f < shared.Length; f++) shared[f] += copy[f] - snapshot[f];
    }
}
