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

    /// <value>Top-N of each component whose union is scored while learning the weights. Default 100.</value>
    public int Candidates
    {
        get => _candidates;
        init { Guard.Positive(value, nameof(Candidates)); _candidates = value; }
    }
}
