using Encore.Core.Errors;
using Encore.Core.Ids;
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

    // scores (length n) = the network's logits at the modelled items, NaN (no evidence) elsewhere; the history's positive
    // entries in modelled items are the input.
    private void Spread(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores)
    {
        var columns = new List<int>(items.Length);
        var inputs = new List<float>(items.Length);
        for (var p = 0; p < items.Length; p++)
        {
            var c = _columnOf[items[p]];
            if (c < 0 || !(values[p] > 0)) continue;
            columns.Add(c);
            inputs.Add(values[p]);
        }
        var logits = new float[_modelled.Length];
        _network.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(columns), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(inputs), logits);
        scores.Fill(float.NaN);
        for (var c = 0; c < _modelled.Length; c++) scores[_modelled[c]] = logits[c];
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
