namespace Encore.Evaluation.Bandits;

/// <summary>
/// One logged exposure of a uniformly random logging policy: the user, the candidates that were available
/// (the arm set), the one that was shown and the reward observed (e.g. 1 = liked, 0 = not; or a rating).
/// </summary>
public sealed record LoggedEvent(int User, int[] Candidates, int Shown, double Reward);
