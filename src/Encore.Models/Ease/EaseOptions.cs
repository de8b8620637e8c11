using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Ease;

/// <summary>Options of <see cref="EaseTrainer"/> (Steck 2019, "Embarrassingly Shallow Autoencoders").</summary>
public sealed record EaseOptions : ModelOptions
{
    private readonly double _lambda = 500;
    private readonly int _maxItems = 50_000;
    private readonly int _neighbours = 500;
    private readonly int _minimumUsers = 1;
    private readonly double _dropout;

    /// <value>L2 regularisation added to the diagonal of X^T X. Default 500 (the paper's value for ML-20M); search range 10..5000 (log scale).</value>
    public double Lambda
    {
        get => _lambda;
        init { Guard.Positive(value, nameof(Lambda)); _lambda = value; }
    }

    /// <value>Largest catalogue EASE accepts (it needs a dense item x item matrix while training). Default 50,000.</value>
    public int MaxItems
    {
        get => _maxItems;
        init { Guard.Positive(value, nameof(MaxItems)); _maxItems = value; }
    }

    /// <value>
    /// Sparse EASE: keep only the N largest weights of each item's row of B (0 = keep the dense matrix; N at or above
    /// the modelled item count keeps it dense too). Default 500: on HetRec's 17,632 artists the model holds 8.8 M
    /// weights instead of 311 M (1.2 GB dense) and NDCG@10 on the validation carve is level (0.1579 against dense
    /// 0.1578; 200 gives 0.1570; bench/results/models-ease.md).
    /// </value>
    public int Neighbours
    {
        get => _neighbours;
        init { Guard.NonNegative(value, nameof(Neighbours)); _neighbours = value; }
    }

    /// <value>
    /// Model only the items with at least m training users (users with a positive value); 1 (the default) models every
    /// item with a training user, as plain EASE (an item without one has zero weights in plain EASE, so it is left out
    /// of the inverse at every m). The Gram inverse then runs over those k items only (k^3 instead of n^3: on HetRec at m = 2
    /// 5,996 of 15,414 artists: the fit 13x cheaper in CPU, measured); the items left out get no weights, so they are never recommended
    /// and add nothing when they are in a history (docs/models-ease.md, "Minimum users"). Range 1..1,000,000.
    /// </value>
    public int MinimumUsers
    {
        get => _minimumUsers;
        init { Guard.InRange(value, 1, 1_000_000, nameof(MinimumUsers)); _minimumUsers = value; }
    }

    /// <value>
    /// Dropout probability p of the denoising linear autoencoder (Steck 2020, "Autoencoders that don't overfit towards the
    /// Identity", NeurIPS): the L2 penalty becomes Lambda = lambda I + p / (1 - p) diag(X^T X), so each item is regularised in
    /// proportion to its own squared activity (popular items more). 0 (the default) is plain EASE, bit for bit. With
    /// <see cref="ZeroDiagonal"/> (the default) this is EDLAE (EASE's closed form over G + Lambda); without it, DLAE.
    /// Range [0, 0.999]: p = 0.5 doubles each diagonal entry of X^T X. Search 0..0.6 (tune does); on HetRec's validation carve
    /// (log1p input) the best was DLAE at p 0.35 with lambda 2000 (bench/results/quality-hetrec.md section 18.1).
    /// </value>
    public double Dropout
    {
        get => _dropout;
        init { Guard.InRange(value, 0.0, 0.999, nameof(Dropout)); _dropout = value; }
    }

    /// <value>
    /// true (default): B has a zero diagonal, B = I - P diag(1 / diag(P)) with P = (X^T X + Lambda)^-1 (EASE; with
    /// <see cref="Dropout"/> &gt; 0, Steck 2020's EDLAE). false: the unconstrained denoising autoencoder DLAE,
    /// B = (X^T X + Lambda)^-1 X^T X = I - P Lambda; its diagonal, which only scores items already in the history
    /// (never recommended), is not kept. With Dropout 0 and no zero diagonal, plain ridge regression of X on itself.
    /// </value>
    public bool ZeroDiagonal { get; init; } = true;
}
