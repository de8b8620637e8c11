using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Blend;

/// <summary>Options of <see cref="BlendTrainer"/>: which models to blend and how the weights are learned.</summary>
public sealed record BlendOptions : ModelOptions
{
    private readonly string _components = "rp3beta+als";
    private readonly double _validationShare = 0.2;
    private readonly int _validationUsers = 2000;
    private readonly int _candidates = 100;
    private readonly string _weights = "";

    /// <value>
    /// Models to blend, '+'-separated, each optionally with settings in parentheses:
    /// <c>ease(lambda=200)+rp3beta(beta=0.6, neighbours=300)+als(factors=192, regularization=40)</c>. Default "rp3beta+als".
    /// </value>
    public string Components
    {
        get => _components;
        init { _ = BlendComponents.Parse(value); _components = value; }
    }

    /// <value>Share of each user's training items held out (seeded) to learn the weights. Default 0.2.</value>
    public double ValidationShare
    {
        get => _validationShare;
        init { Guard.InRange(value, 0.05, 0.5, nameof(ValidationShare)); _validationShare = value; }
    }

    /// <value>Most users (seeded sample) whose held-out items the weights are fitted on. Default 2,000.</value>
    public int ValidationUsers
    {
        get => _validationUsers;
        init { Guard.Positive(value, nameof(ValidationUsers)); _validationUsers = value; }
    }

    /// <value>
    /// Fixed weights, one per component in order, ':'-separated (e.g. <c>1:0.5:0.25</c>; finite, >= 0, not all 0), or empty
    /// (the default) to learn them on an inner carve. With fixed weights every component is fitted once, on all the data,
    /// and the weights are hyperparameters chosen outside, e.g. by <c>encore sweep --on validation --grid weights=1:0,1:0.5</c>.
    /// </value>
    /// <exception cref="ArgumentException">A weight that is not a finite number >= 0, or every weight 0.</exception>
    public string Weights
    {
        get => _weights;
        init { _ = ParseWeights(value); _weights = value ?? ""; }
    }

    /// <summary>The weights of <paramref name="text"/> (':'-separated numbers), or null when it is empty (learn them).</summary>
    /// <exception cref="ArgumentException">A weight that is not a finite number >= 0, or every weight 0.</exception>
    public static float[]? ParseWeights(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        var weights = new float[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!float.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out weights[i])
                || !float.IsFinite(weights[i]) || weights[i] < 0)
                throw new ArgumentException($"blend weights '{text}': '{parts[i]}' is not a finite number >= 0 (expected e.g. 1:0.5:0.25, one per component).");
        }
        if (weights.All(w => w == 0)) throw new ArgumentException($"blend weights '{text}': at least one weight must be above 0.");
        return weights;
    }

    /// <value>Top-N of each component whose union is scored while learning the weights. Default 100.</value>
    public int Candidates
    {
        get => _candidates;
        init { Guard.Positive(value, nameof(Candidates)); _candidates = value; }
    }
}
