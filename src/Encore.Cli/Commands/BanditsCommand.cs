using System.CommandLine;

namespace Encore.Cli.Commands;

/// <summary><c>encore bandits simulate|replay ...</c>: offline evaluation of exploration policies (SPEC S3).</summary>
public static class BanditsCommand
{
    public static Command Create() => new("bandits", "Offline evaluation of bandit policies (LinUCB, hybrid LinUCB, Thompson, epsilon-greedy) on the synthetic world's planted tastes (simulate) or a uniformly random exposure log (replay).")
    {
        BanditSimulateCommand.Create(),
        BanditReplayCommand.Create(),
    };
}
