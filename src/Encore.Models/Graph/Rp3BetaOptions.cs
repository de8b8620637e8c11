using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Graph;

/// <summary>
/// Options of <see cref="Rp3BetaTrainer"/> (Paudel, Christoffel, Fernández, Bernstein 2017, "Updatable, accurate, diverse, and
/// scalable recommendations for interactive applications"; RP3beta as compared in Dacrema et al. 2019).
/// </summary>
public sealed record Rp3BetaOptions : ModelOptions
{
    private readonly double _alpha = 1.0;
    private readonly double _beta = 0.5;
    private readonly int _neighbours = 200;

    /// <value>Exponent on the transition probabilities of the walk item -> user -> item. Default 1.0 (plain P3); search range 0.2..2.</value>
    public double Alpha
    {
        get => _alpha;
        init { Guard.Positive(value, nameof(Alpha)); _alpha = value; }
    }

    /// <value>
    /// Popularity penalty: the walk's arrival probability at item j is divided by popularity(j)^Beta. Range 0..2. Left
    /// unset (and <see cref="ChooseBeta"/> on), the trainer chooses it from the training matrix
    /// (<see cref="Rp3BetaBetaSelection"/>); 0.5 is the value used when the choice is off; search range 0..1.
    /// </value>
    public double Beta
    {
        get => _beta;
        init { Guard.InRange(value, 0.0, 2.0, nameof(Beta)); _beta = value; BetaGiven = true; }
    }

    /// <value>
    /// Choose <see cref="Beta"/> from the training matrix when it is not set: the value of
    /// <see cref="Rp3BetaBetaSelection.Grid"/> with the best NDCG@10 on a seeded 20% per-user carve of the training pairs.
    /// Default true; ignored when Beta is set.
    /// </value>
    public bool ChooseBeta { get; init; } = true;

    /// <summary>True when <see cref="Beta"/> was set (by a caller or a model file), so it is never chosen from the data.</summary>
    internal bool BetaGiven { get; private init; }

    /// <value>Largest weights kept per item (top-K). Default 200; search range 20..2000.</value>
    public int Neighbours
    {
        get => _neighbours;
        init { Guard.Positive(value, nameof(Neighbours)); _neighbours = value; }
    }

    /// <value>Treat every interaction as 1 (for the walk and for scoring). Default true; false lets play counts weigh the transitions.</value>
    public bool BinaryInput { get; init; } = true;

    /// <value>Scale each item's kept weights to sum to 1. Default true.</value>
    public bool NormalizeRows { get; init; } = true;
}
