using System.Runtime.InteropServices;
using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Parallelism;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Vae;

/// <summary>
/// A fitted Mult-VAE / Mult-DAE (Liang et al. 2018): a user's scores are the decoder's logits at the encoder's mean for the
/// user's L2-normalised training row (no sampling at inference), over the modelled items; items not modelled (no training
/// user, or fewer than <see cref="VaeOptions.MinimumUsers"/>) are never recommended. A history not seen in training is
/// scored the same way (<see cref="RecommendFromHistory"/>, the autoencoder's natural fold-in); a history without any
/// modelled item gets an empty answer, and the cold-start chain answers instead.
/// </summary>
public sealed class VaeModel : RecommenderBase, IHistoryRecommender
{
    public const string Name = "vae";

    // Users decoded together by Recommend: the output layer reads each 64-column panel of the decoder matrix (150 KB at
    // 600 hidden units) from memory once per block and from L2 for the block's other groups of four; with 8 users the
    // 48 MB matrix still streamed from memory once per 8 users and bound the scoring (perf). 64 rows of a 20,000-item
    // model's logits are 5 MB per worker.
    private const int BlockUsers = 64;

    private readonly VaeNetwork _network;
    private readonly int[] _modelled;
    private readonly int[] _columnOf;

    internal VaeModel(IdMap users, IdMap items, CsrMatrix interactions, VaeKind kind, int[] modelled, VaeNetwork network)
        : base(users, items, interactions)
    {
        Kind = kind;
        _modelled = modelled;
        _network = network;
        _columnOf = new int[items.Count];
        Array.Fill(_columnOf, -1);
        for (var c = 0; c < modelled.Length; c++) _columnOf[modelled[c]] = c;
    }

    public override string ModelName => Name;

    /// <summary>Which autoencoder was fitted.</summary>
    public VaeKind Kind { get; }

    /// <summary>Width of the hidden layers.</summary>
    public int Hidden => _network.Hidden;

    /// <summary>Size of the latent code.</summary>
    public int Latent => _network.Latent;

    /// <summary>Number of items the network models (its input and softmax width).</summary>
    public int ModelledItemCount => _modelled.Length;

    protected override void ScoreAll(int user, Span<float> scores)
    {
        if ((uint)user < (uint)Signal.Rows) Spread(Signal.RowIndices(user), Signal.RowValues(user), scores);
        else Spread([], [], scores);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The item and value counts differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An item outside the model's catalogue.</exception>
    public (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null)
    {
        options ??= RecommendOptions.Default;
        Neighbourhood.HistoryChecks.Validate(items, values, Items.Count);
        // Nothing the encoder can read: no answer from the model (the chain's popularity answers and says so).
        if (!HasPositiveModelled(items, values)) return ([], []);
        var scores = new float[Items.Count];
        Spread(items, values, scores);
        MaskNoEvidence(scores);
        RankingFilter.ApplyHistory(scores, items, options);
        return RankingFilter.Select(scores, options.Allow, k);
    }

    private bool HasPositiveModelled(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
    {
        for (var p = 0; p < items.Length; p++)
            if (values[p] > 0 && _columnOf[items[p]] >= 0) return true;
        return false;
    }

    /// <summary>
    /// Top-k for a batch of users, in blocks of <see cref="BlockUsers"/>: each user's decoder hidden layer on its own, then
    /// the block's output layer together (<see cref="VaeNetwork.OutputLayer"/>: the 48 MB decoder matrix of a 20,000-item
    /// model read from memory once per block, not once per user), then the base's masking, filters and selection per
    /// user (<see cref="RecommenderBase.SelectInto"/>). The scores are ScoreAll's bit for bit, so the answer is the
    /// one-user path's.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">k is negative.</exception>
    public override RecommendationBatch Recommend(ReadOnlySpan<int> users, int k, RecommendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        options ??= RecommendOptions.Default;
        var batch = new RecommendationBatch(users.Length, Math.Min(k, Items.Count));
        var ids = users.ToArray();
        var seen = options.SeenItems ?? Interactions;
        var blocks = (ids.Length + BlockUsers - 1) / BlockUsers;
        // A block's buffers for as many users as come (one, for a served request), at most BlockUsers.
        var rows = Math.Min(BlockUsers, ids.Length);
        ParallelLoop.For(blocks, Threads, _ => new BlockScratch(_network, Items.Count, batch.K, rows),
            (start, end, scratch) =>
            {
                for (var block = start; block < end; block++)
                {
                    var first = block * BlockUsers;
                    var count = Math.Min(BlockUsers, ids.Length - first);
                    for (var b = 0; b < count; b++)
                    {
                        var user = ids[first + b];
                        // No positive signal: nothing to say (count 0); the cold-start chain answers. Its hidden row is
                        // left as it is: the output layer computes that row with the block's and it is never read.
                        if (!HasSignal(user)) continue;
                        Inputs(Signal.RowIndices(user), Signal.RowValues(user), scratch.Columns, scratch.Inputs);
                        _network.DecoderHidden(CollectionsMarshal.AsSpan(scratch.Columns), CollectionsMarshal.AsSpan(scratch.Inputs),
                            scratch.Hidden.AsSpan(b * _network.Hidden, _network.Hidden), scratch.EncoderHidden, scratch.Mean);
                    }
                    _network.OutputLayer(scratch.Hidden, count, scratch.Logits);
                    for (var b = 0; b < count; b++)
                    {
                        var i = first + b;
                        var user = ids[i];
                        if (!HasSignal(user))
                        {
                            batch.Counts[i] = 0;
                            continue;
                        }
                        Place(scratch.Logits.AsSpan(b * _modelled.Length, _modelled.Length), scratch.Scores);
                        SelectInto(scratch.Scores, user, seen, options, scratch.Heap, batch, i);
                    }
                }
            }, cancellationToken, chunkSize: 1);
        return batch;
    }

    // scores (length n) = the network's logits at the modelled items, NaN (no evidence) elsewhere; the history's positive
    // entries in modelled items are the input.
    private void Spread(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores)
    {
        var columns = new List<int>(items.Length);
        var inputs = new List<float>(items.Length);
        Inputs(items, values, columns, inputs);
        var logits = new float[_modelled.Length];
        _network.Score(CollectionsMarshal.AsSpan(columns), CollectionsMarshal.AsSpan(inputs), logits);
        Place(logits, scores);
    }

    // The history's positive entries in modelled items: the network's input columns and values (the lists are cleared first).
    private void Inputs(ReadOnlySpan<int> items, ReadOnlySpan<float> values, List<int> columns, List<float> inputs)
    {
        columns.Clear();
        inputs.Clear();
        for (var p = 0; p < items.Length; p++)
        {
            var c = _columnOf[items[p]];
            if (c < 0 || !(values[p] > 0)) continue;
            columns.Add(c);
            inputs.Add(values[p]);
        }
    }

    // scores = logits at the modelled items, NaN (no evidence) elsewhere.
    private void Place(ReadOnlySpan<float> logits, Span<float> scores)
    {
        scores.Fill(float.NaN);
        for (var c = 0; c < _modelled.Length; c++) scores[_modelled[c]] = logits[c];
    }

    // Per-worker buffers of Recommend.
    private sealed class BlockScratch(VaeNetwork network, int items, int k, int rows)
    {
        public float[] Hidden { get; } = new float[rows * network.Hidden];

        public float[] Logits { get; } = new float[rows * network.Items];

        public float[] Scores { get; } = new float[items];

        public TopKSelector Heap { get; } = new(k);

        public List<int> Columns { get; } = [];

        public List<float> Inputs { get; } = [];

        public float[] EncoderHidden { get; } = new float[network.Hidden];

        public float[] Mean { get; } = new float[network.Latent];
    }

    // Layout: users, items, interactions, kind, hidden, latent, modelled item ids (ascending), then W1, b1, Wmu, bmu, Wd1, bd1,
    // Wd2, bd2 (shapes in VaeNetwork).
    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteInt((int)Kind);
        writer.WriteInt(_network.Hidden);
        writer.WriteInt(_network.Latent);
        writer.WriteArray<int>(_modelled);
        foreach (var array in new[] { _network.W1, _network.B1, _network.WMu, _network.BMu, _network.Wd1, _network.Bd1, _network.Wd2, _network.Bd2 })
            writer.WriteArray<float>(array);
    }

    /// <exception cref="ModelFormatException">A shape that does not match the sizes in the file.</exception>
    public static VaeModel Read(ModelReader reader)
    {
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var kind = (VaeKind)reader.ReadInt();
        int hidden = reader.ReadInt(), latent = reader.ReadInt();
        if (!Enum.IsDefined(kind) || hidden < 1 || latent < 1)
            throw new ModelFormatException($"VAE model: kind {(int)kind}, hidden {hidden}, latent {latent} are not a valid network.");
        var modelled = reader.ReadArray<int>();
        for (var r = 0; r < modelled.Length; r++)
            if ((uint)modelled[r] >= (uint)items.Count || (r > 0 && modelled[r] <= modelled[r - 1]))
                throw new ModelFormatException($"VAE model: modelled item {r} is {modelled[r]}, not ascending within {items.Count} items.");
        long k = modelled.Length, h = hidden, l = latent;
        float[] Array(string name, long length)
        {
            var values = reader.ReadArray<float>();
            if (values.Length != length) throw new ModelFormatException($"VAE model: {name} holds {values.Length} values, expected {length}.");
            return values;
        }
        var network = new VaeNetwork(hidden, latent, Array("W1", k * h), Array("b1", h), Array("Wmu", h * l), Array("bmu", l),
            Array("Wd1", l * h), Array("bd1", h), Array("Wd2", h * k), Array("bd2", k));
        return new VaeModel(users, items, interactions, kind, modelled, network);
    }
}
