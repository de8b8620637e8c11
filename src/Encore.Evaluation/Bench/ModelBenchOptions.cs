using Encore.Core.Errors;

namespace Encore.Evaluation.Bench;

/// <summary>Settings of <see cref="ModelBench.Run"/>. Model settings not listed here are implicit's defaults (PEERS.md).</summary>
public sealed record ModelBenchOptions
{
    private readonly int _alsIterations = 15;
    private readonly int? _bprEpochs;
    private readonly int _threads;

    /// <summary>"peers", "lastfm360k" or the path of a PEERS split folder. Default "peers".</summary>
    public string Shape { get; init; } = "peers";

    /// <summary>ALS factor counts to time. Default 64 and 128.</summary>
    public IReadOnlyList<int> Factors { get; init; } = [64, 128];

    /// <summary>Worker threads (0 = all cores). Default 0.</summary>
    public int Threads { get => _threads; init { Guard.NonNegative(value, nameof(Threads)); _threads = value; } }

    /// <summary>ALS iterations per fit (seconds per iteration is their median). Default 15 (implicit's default).</summary>
    public int AlsIterations { get => _alsIterations; init { Guard.InRange(value, 1, 1000, nameof(AlsIterations)); _alsIterations = value; } }

    /// <summary>BPR epochs; null = 100 (implicit's default) on a split, 5 on a synthetic shape (timing only).</summary>
    public int? BprEpochs
    {
        get => _bprEpochs;
        init
        {
            if (value is { } v) Guard.InRange(v, 0, 10_000, nameof(BprEpochs));
            _bprEpochs = value;
        }
    }

    /// <summary>Override of the synthetic shape's event count (e.g. to reach a number of distinct pairs); null keeps the preset's.</summary>
    public long? Events { get; init; }

    /// <summary>Seed of the synthetic world and of every model. Default 42.</summary>
    public ulong Seed { get; init; } = 42;
}
