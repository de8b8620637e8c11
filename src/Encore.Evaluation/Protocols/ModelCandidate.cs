using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols;

/// <summary>One model setting to evaluate: the name on the leaderboard, its trainer and the parameters recorded with the run.</summary>
public sealed record ModelCandidate(string Name, IRecommenderTrainer Trainer, IReadOnlyDictionary<string, string> Parameters);
