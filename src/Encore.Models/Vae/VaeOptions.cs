using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Vae;

/// <summary>
/// Settings of the variational autoencoder for implicit feedback (Mult-VAE; Liang, Krishnan, Hoffman &amp; Jebara 2018,
/// "Variational Autoencoders for Collaborative Filtering"), with the paper's architecture as defaults
/// (items -&gt; 600 -&gt; 200 -&gt; 600 -&gt; items, tanh, input dropout 0.5, beta capped at 0.2, Adam at 1e-3, batches of 500
/// users). Every value is checked when set (docs/models-vae.md).
/// </summary>
public sealed record VaeOptions : ModelOptions
{
    private readonly VaeKind _kind = VaeKind.Vae;
    private readonly int _hidden = 600;
    private readonly int _latent = 200;
    private readonly double _dropout = 0.5;
    private readonly double _beta = 0.2;
    private readonly int _annealSteps;
    private readonly double _learningRate = 1e-3;
    private readonly int _batchSize = 500;
    private readonly int _epochs = 50;
    private readonly double _weightDecay;
    private readonly int _minimumUsers = 1;

    /// <value><see cref="VaeKind.Vae"/> (default; Mult-VAE) or <see cref="VaeKind.Dae"/> (Mult-DAE: no sampling, no KL).</value>
    public VaeKind Kind
    {
        get => _kind;
        init
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(Kind), value, "Kind must be Vae or Dae.");
            _kind = value;
        }
    }

    /// <value>Width of the encoder's and the decoder's hidden tanh layer. Range 1..8192. Default 600 (the paper's).</value>
    public int Hidden { get => _hidden; init { Guard.InRange(value, 1, 8192, nameof(Hidden)); _hidden = value; } }

    /// <value>Size of the latent code z. Range 1..4096. Default 200 (the paper's).</value>
    public int Latent { get => _latent; init { Guard.InRange(value, 1, 4096, nameof(Latent)); _latent = value; } }

    /// <value>
    /// Share of a user's (L2-normalised) input entries dropped while training (each kept entry scaled by 1 / (1 - rate));
    /// scoring never drops. Range [0, 0.95]. Default 0.5 (the paper's).
    /// </value>
    public double Dropout { get => _dropout; init { Guard.InRange(value, 0.0, 0.95, nameof(Dropout)); _dropout = value; } }

    /// <value>
    /// Weight of the KL term KL(q(z|x) || N(0, I)) at the end of the anneal (Mult-VAE only). Range [0, 10]. Default 0.2 (the
    /// paper's cap).
    /// </value>
    public double Beta { get => _beta; init { Guard.InRange(value, 0.0, 10.0, nameof(Beta)); _beta = value; } }

    /// <value>
    /// Updates over which the KL weight rises linearly from 0 to <see cref="Beta"/> (then stays there). 0 (default) = the
    /// whole fit (epochs x batches): beta reaches its cap at the last update, as in the paper, where the anneal ran through
    /// the training and the best point was found on the way; on HetRec's 1,892 users there are only 4 batches an epoch, so
    /// a fixed count tuned on ML-20M (200,000) would never get past beta 0.
    /// </value>
    public int AnnealSteps { get => _annealSteps; init { Guard.NonNegative(value, nameof(AnnealSteps)); _annealSteps = value; } }

    /// <value>Adam step size. Must be &gt; 0 and at most 1. Default 1e-3 (the paper's).</value>
    public double LearningRate { get => _learningRate; init { Guard.InRange(value, 1e-9, 1.0, nameof(LearningRate)); _learningRate = value; } }

    /// <value>Users per mini-batch (one Adam update each). Range 1..100,000. Default 500 (the paper's).</value>
    public int BatchSize { get => _batchSize; init { Guard.InRange(value, 1, 100_000, nameof(BatchSize)); _batchSize = value; } }

    /// <value>
    /// Passes over the users with signal. Must be &gt;= 1. Default 50: on HetRec's validation carve (4 batches of 500 an epoch)
    /// NDCG@10 peaks near 200 updates at the default rate, 100 epochs overfit (0.1629 against 0.1703; docs/models-vae.md).
    /// </value>
    public int Epochs { get => _epochs; init { Guard.Positive(value, nameof(Epochs)); _epochs = value; } }

    /// <value>L2 weight decay lambda: lambda w is added to the gradient of every weight (not the biases). Must be &gt;= 0. Default 0.</value>
    public double WeightDecay { get => _weightDecay; init { Guard.NonNegative(value, nameof(WeightDecay)); _weightDecay = value; } }

    /// <value>
    /// Model only the items with at least m training users (input and softmax both); the others are never recommended and
    /// add nothing to a history. Items without any training user are always left out (they carry no evidence). Range
    /// 1..1,000,000. Default 1. A larger m shrinks the two items x hidden layers, the bulk of the cost.
    /// </value>
    public int MinimumUsers { get => _minimumUsers; init { Guard.InRange(value, 1, 1_000_000, nameof(MinimumUsers)); _minimumUsers = value; } }
}
