using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Files;

namespace Encore.Models.Factorization.Lmf;

/// <summary>
/// A fitted LMF model. User vectors are [p, 1, b_u] and item vectors [q, b_i, 1], so the logit is one dot
/// product (b_u does not change a user's ranking). Fold-in solves the ALS ridge system (alpha 1) for the
/// latent part only and scores without biases: an approximation, since LMF optimises a log loss.
/// </summary>
public sealed class LmfModel : FactorModel
{
    /// <summary>Model kind in files.</summary>
    public const string Name = "lmf";

    public LmfModel(IdMap users, IdMap items, CsrMatrix interactions, int dimensions, ModelArray<float> userFactors, ModelArray<float> itemFactors, float regularization)
        : base(users, items, interactions, dimensions, userFactors, itemFactors) => Regularization = regularization;

    public override string ModelName => Name;

    public float Regularization { get; }

    protected override float FoldInAlpha => 1f;

    protected override float FoldInRegularization => Math.Max(Regularization, FoldInFloor);

    /// <summary>Smallest ridge penalty fold-in uses, so a short history still gives a well-posed system.</summary>
    internal const float FoldInFloor = 0.1f;

    protected override int FoldInDimensions => Dimensions - 2;

    // Biases are left out for a folded-in user: the ridge fit is on the latent part alone, and the trained
    // biases are on another scale (they would swamp the small folded-in dot products).
    protected override void CompleteFoldIn(Span<float> user)
    {
        user[^2] = 0f;
        user[^1] = 0f;
    }

    public override void WritePayload(ModelWriter writer)
    {
        WriteFactors(writer);
        writer.WriteFloat(Regularization);
    }

    public static LmfModel Read(ModelReader reader)
    {
        var p = ReadFactors(reader);
        return new LmfModel(p.Users, p.Items, p.Interactions, p.Dimensions, p.UserFactors, p.ItemFactors, reader.ReadFloat());
    }
}
