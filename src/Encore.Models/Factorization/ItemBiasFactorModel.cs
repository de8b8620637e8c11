using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Files;

namespace Encore.Models.Factorization;

/// <summary>
/// A factor model trained on a ranking loss with an item bias (BPR, WARP): vectors carry the item bias
/// as their last entry (the user's last entry is 1), so a score is one dot product. Fold-in solves the ALS ridge system
/// (alpha 1, penalty max(<see cref="Regularization"/>, <see cref="FoldInFloor"/>)) for the latent part only and scores
/// without the item bias: an approximation, since these models optimise a ranking loss rather than squared error.
/// The file payload is the factors followed by the regularisation.
/// </summary>
public abstract class ItemBiasFactorModel : FactorModel
{
    protected ItemBiasFactorModel(IdMap users, IdMap items, CsrMatrix interactions, int dimensions, ModelArray<float> userFactors, ModelArray<float> itemFactors, float regularization)
        : base(users, items, interactions, dimensions, userFactors, itemFactors) => Regularization = regularization;

    /// <summary>The L2 penalty the model was trained with.</summary>
    public float Regularization { get; }

    /// <summary>Smallest ridge penalty fold-in uses, so a short history still gives a well-posed system.</summary>
    internal const float FoldInFloor = 0.1f;

    protected override float FoldInAlpha => 1f;

    protected override float FoldInRegularization => Math.Max(Regularization, FoldInFloor);

    protected override int FoldInDimensions => Dimensions - 1;

    // The item bias is left out for a folded-in user: the ridge fit is on the latent part alone, and the
    // trained biases are on another scale (they would swamp the small folded-in dot products).
    protected override void CompleteFoldIn(Span<float> user) => user[^1] = 0f;

    public override void WritePayload(ModelWriter writer)
    {
        WriteFactors(writer);
        writer.WriteFloat(Regularization);
    }
}
