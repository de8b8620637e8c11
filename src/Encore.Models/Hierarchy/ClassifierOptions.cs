using Encore.Core.Errors;

namespace Encore.Models.Hierarchy;

/// <summary>Settings of the ML.NET classifiers (defaults sized for tens of thousands of candidates).</summary>
public sealed record ClassifierOptions
{
    /// <summary>Trees of the forest and of the boosted models. Default 100.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Leaves per tree. Default 32.</summary>
    public int Leaves { get; init; } = 32;

    /// <summary>Minimum training candidates per leaf. Default 20.</summary>
    public int MinimumPerLeaf { get; init; } = 20;

    /// <summary>Learning rate of the boosted models. Default 0.1.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>
    /// Worker threads of the learners (0 = ML.NET's default, all cores). Default 1: the candidate sets are
    /// small, and LightGBM's OpenMP workers spin badly on a shared, oversubscribed machine.
    /// </summary>
    public int Threads { get; init; } = 1;

    public ulong Seed { get; init; } = 42;

    /// <exception cref="ArgumentOutOfRangeException">A field outside its range.</exception>
    public void Validate()
    {
        Guard.InRange(Trees, 1, 10_000);
        Guard.InRange(Leaves, 2, 4096);
        Guard.Positive(MinimumPerLeaf);
        Guard.InRange(LearningRate, 1e-6, 1.0);
        Guard.NonNegative(Threads);
    }
}
