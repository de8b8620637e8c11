using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Files;

namespace Encore.Models.Factorization.Warp;

/// <summary>
/// A fitted WARP model (<see cref="WarpTrainer"/>). Vectors carry the item bias as their last entry (the user's last entry is 1), so a
/// score is one dot product. Fold-in solves the ALS ridge system (alpha 1) for the latent part only and
/// scores without the item bias: an approximation, since WARP optimises a ranking loss rather than squared error.
/// </summary>
public sealed class WarpModel : FactorModel
{
    /// <summary>Model kind in files.</summary>
    public const string Name = "warp";

    public WarpModel(IdMap users, IdMap items, CsrMatrix interactions, int dimensions, ModelArray<float> userFactors, ModelArray<float> itemFactors, float regularization)
        : base(users, items, interactions, dimensions, userFactors, itemFactors) => Regularization = regularization;

    public override string ModelName => Name;

    public float Regularization { get; }

    protected override float FoldInAlpha => 1f;

    protected override float FoldInRegularization => Math.Max(Regularization, FoldInFloor);

    /// <summary>Smallest ridge penalty fold-in uses, so a short history still gives a well-posed system.</summary>
    internal const float FoldInFloor = 0.1f;

    protected override int FoldInDimensions => Dimensions - 1;

    // The item bias is left out for a folded-in user: the ridge fit is on the latent part alone, and the
    // trained biases are on another scale (they would swamp the small folded-in dot products).
    protected override void CompleteFoldIn(Span<float> user) => user[^1] = 0f;

    public override void WritePayload(ModelWriter writer)
    {
        WriteFactors(writer);
        writer.WriteFloat(Regularization);
    }

    public static WarpModel Read(ModelReader reader)
    {
        var p = ReadFactors(reader);
        return new WarpModel(p.Users, p.Items, p.Interactions, p.Dimensions, p.UserFactors, p.ItemFactors, reader.ReadFloat());
    }
}
