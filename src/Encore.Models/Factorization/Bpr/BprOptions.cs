using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Bpr;

/// <summary>Settings of Bayesian personalised ranking (Rendle et al. 2009). Every value is checked when set.</summary>
public sealed record BprOptions : ModelOptions
{
    private readonly int _factors = 64;
    private readonly double _learningRate = 0.01;
    private readonly double _regularization = 0.01;
    private readonly int _iterations = 100;
    private readonly NegativeSampling _negatives = NegativeSampling.Popularity;
    private readonly SampleOrder _order = SampleOrder.ByUser;
    private readonly int _privateItems = 1024;

    /// <value>Latent factors (an item bias is added on top). Default 64.</value>
    public int Factors { get => _factors; init { Guard.InRange(value, 1, 4096, nameof(Factors)); _factors = value; } }

    /// <value>SGD step size. Default 0.01.</value>
    public double LearningRate { get => _learningRate; init { Guard.Positive(value, nameof(LearningRate)); _learningRate = value; } }

    /// <value>L2 penalty on the factors touched by each step. Default 0.01.</value>
    public double Regularization { get => _regularization; init { Guard.NonNegative(value, nameof(Regularization)); _regularization = value; } }

    /// <value>
    /// Epochs; each draws as many (user, positive, negative) triples as the matrix has nonzeros. Must be &gt;= 1 (0 would leave
    /// the random start). Default 100; left unset together with <see cref="Negatives"/>, thin rows get more, chosen from the data
    /// (<see cref="BprThinRowsRule"/>).
    /// </value>
    public int Iterations { get => _iterations; init { Guard.Positive(value, nameof(Iterations)); _iterations = value; IterationsGiven = true; } }

    /// <summary>True when <see cref="Iterations"/> was set by the caller, so neither it nor <see cref="Negatives"/> is chosen from the data.</summary>
    internal bool IterationsGiven { get; private init; }

    /// <value>
    /// Skip a sampled triple whose negative the user has in fact interacted with (binary search in the sorted
    /// row). Skipping rather than redrawing keeps the triples uniform over Rendle's D_S (a user-item pair with
    /// fewer possible negatives is drawn less often), as implicit does. Default true.
    /// </value>
    public bool VerifyNegatives { get; init; } = true;

    /// <value>
    /// Redraws of a sampled negative the user already has before the triple is skipped (rejection sampling: the negative is
    /// then uniform over the user's unseen items, or popularity-weighted over them, and a user who has seen nearly everything
    /// costs at most this many draws, never a loop). 0 = skip at once (Rendle's D_S weighting, as implicit). Must be in
    /// [0, 1000]. Default 0; left unset together with <see cref="Iterations"/> and <see cref="Negatives"/> on a dense matrix,
    /// <see cref="BprDenseRule.Retries"/> (<see cref="BprDenseRule"/>).
    /// </value>
    public int NegativeRetries
    {
        get => _negativeRetries;
        init { Guard.InRange(value, 0, 1000, nameof(NegativeRetries)); _negativeRetries = value; NegativeRetriesGiven = true; }
    }

    private readonly int _negativeRetries;

    /// <summary>True when <see cref="NegativeRetries"/> was set by the caller (so the dense rule leaves the sampler alone).</summary>
    internal bool NegativeRetriesGiven { get; private init; }

    /// <value>
    /// How negatives are drawn. Default <see cref="NegativeSampling.Popularity"/> (as implicit); left unset together with
    /// <see cref="Iterations"/>, thin rows (a mean user with fewer than 30 pairs) get <see cref="NegativeSampling.Uniform"/>
    /// (<see cref="BprThinRowsRule"/>).
    /// </value>
    public NegativeSampling Negatives
    {
        get => _negatives;
        init
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(Negatives), value, "Negatives must be Popularity or Uniform.");
            _negatives = value;
            NegativesGiven = true;
        }
    }

    /// <summary>True when <see cref="Negatives"/> was set by the caller, so neither it nor <see cref="Iterations"/> is chosen from the data.</summary>
    internal bool NegativesGiven { get; private init; }

    /// <value>
    /// The order of an epoch's steps: <see cref="SampleOrder.Pairs"/> (a uniform training pair per step, as implicit) or
    /// <see cref="SampleOrder.ByUser"/> (shuffled users, each user's positives once each in a shuffled order). Default ByUser:
    /// on the HetRec and synthetic benchmark splits it held NDCG@10 and cut the fit's CPU time (docs/models-bpr.md).
    /// </value>
    public SampleOrder Order
    {
        get => _order;
        init
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(Order), value, "Order must be Pairs or ByUser.");
            _order = value;
        }
    }

    /// <value>
    /// With 2+ threads and the <see cref="SampleOrder.ByUser"/> order: how many of the most popular items (by training count) each
    /// worker updates in its own copy of their factor rows and biases, added into the shared rows every 16,384 of the worker's
    /// steps and at the end of every epoch (delayed updates: shared += copy - the shared values at the worker's last sync); the
    /// other items are updated in place without locks (Hogwild). 0 = every item updated in place (as before session 14).
    /// Values above the item count mean every item. Each worker keeps two copies (its rows and their start) of this many rows
    /// of Factors floats (rounded up to 16) plus a bias: 1024 x 64 f = 512 KiB per worker; the fit also keeps the items
    /// relabelled by popularity (one more item matrix and nnz ints). Ignored with one thread (nothing is copied: a seed gives the same model bit for bit)
    /// and with the Pairs order. Must be &gt;= 0. Default 1024: on a quiet machine it cut the 2-thread slow mode from about 1.25 s
    /// to 0.95 s of fit CPU on HetRec, for +1-8% in the fast mode (docs/models-bpr.md, "Private hot items").
    /// </value>
    public int PrivateItems { get => _privateItems; init { Guard.NonNegative(value, nameof(PrivateItems)); _privateItems = value; } }
}
