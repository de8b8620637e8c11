using System.CommandLine;
using System.Globalization;
using System.Numerics.Tensors;
using Encore.Cli.Arguments;
using Encore.Cli.Output;
using Encore.Data.Synthetic;
using Encore.Evaluation.Bandits;
using Encore.Evaluation.Runs;
using Encore.Models.Factorization.Als;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore bandits simulate [--preset tiny] [--seeds 1,2,3] [--policies ...]</c>: runs every policy on the
/// same seeded rounds of <see cref="BanditSimulation"/> over a generated synthetic world, prints the cumulative
/// regret after the last round per seed, and records one run per (policy, seed) with its reward, regret and
/// CTR curves in the run store (plot them with <c>encore report</c>).
/// </summary>
public static class BanditSimulateCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset") { Description = "Synthetic world size: tiny or demo (see encore synth).", DefaultValueFactory = _ => "tiny" };
        var worldSeed = new Option<ulong>("--world-seed") { Description = "Seed of the synthetic world.", DefaultValueFactory = _ => 42UL };
        var seeds = new Option<string>("--seeds") { Description = "Simulation seeds (rounds, candidates, noise, policy randomness): a list like 1,2,3 or a range like 101-110.", DefaultValueFactory = _ => "1,2,3" };
        var policies = new Option<string>("--policies") { Description = $"Policies: {BanditPolicySpec.Help}.", DefaultValueFactory = _ => BanditDefaults.Policies };
        var rounds = new Option<int>("--rounds") { Description = "Rounds per run.", DefaultValueFactory = _ => 2000 };
        var users = new Option<int>("--users") { Description = "Simulated users served in turn.", DefaultValueFactory = _ => 10 };
        var candidates = new Option<int>("--candidates") { Description = "Uniform candidate tracks per round.", DefaultValueFactory = _ => 50 };
        var noise = new Option<double>("--noise") { Description = "Standard deviation of the reward noise.", DefaultValueFactory = _ => 0.1 };
        var lambda = new Option<double>("--lambda") { Description = "Ridge weight of every value function.", DefaultValueFactory = _ => BanditDefaults.Regularization };
        var priorWeight = new Option<double>("--prior-weight") { Description = "Warm-start every policy from the simulated users' logged history: weight of each pseudo-observation (played track = reward 1, sampled untouched track = 0); 0 = no warm start.", DefaultValueFactory = _ => BanditDefaults.PriorWeight };
        var priorNegatives = new Option<double>("--prior-negatives") { Description = "Sampled untouched tracks per played track in the warm start.", DefaultValueFactory = _ => BanditDefaults.PriorNegativeRatio };
        var context = new Option<string>("--context") { Description = $"Arm context the policies see: {ArmContexts.Names} (factors = item factors of ALS trained on the world's logged events; factors and both are standardised per column).", DefaultValueFactory = _ => BanditDefaults.Context };
        var factors = new Option<int>("--factors") { Description = "ALS factors of the factors / both context.", DefaultValueFactory = _ => BanditDefaults.Factors };
        var alsReg = new Option<double>("--als-reg") { Description = "ALS ridge weight of the factors / both context.", DefaultValueFactory = _ => BanditDefaults.AlsRegularization };
        var normalise = new Option<bool>("--normalise") { Description = "L2-normalise the track vectors before the policies see them." };
        var every = new Option<int>("--curve-every") { Description = "Record the curves every N rounds.", DefaultValueFactory = _ => 10 };
        var noStore = new Option<bool>("--no-store") { Description = "Print only; record no runs." };
        var store = StoreOption.Create();
        var markdown = new Option<bool>("--markdown") { Description = "Print the table as GitHub Markdown." };
        var command = new Command("simulate", "Cumulative regret of bandit policies on the synthetic world's planted tastes; runs and curves go to the run store.")
        {
            preset, worldSeed, seeds, policies, rounds, users, candidates, noise, lambda, priorWeight, priorNegatives, context, factors, alsReg, normalise, every, noStore, store, markdown,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(OptionNames.Translate(() => Run(new Request(
            parse.GetValue(preset)!, parse.GetValue(worldSeed), parse.GetValue(seeds)!, parse.GetValue(policies)!, parse.GetValue(rounds), parse.GetValue(users),
            parse.GetValue(candidates), parse.GetValue(noise), parse.GetValue(lambda), parse.GetValue(priorWeight), parse.GetValue(priorNegatives),
            ArmContexts.Parse(parse.GetValue(context)!), parse.GetValue(factors), parse.GetValue(alsReg), parse.GetValue(normalise), parse.GetValue(every),
            parse.GetValue(noStore) ? null : parse.GetValue(store) ?? "", parse.GetValue(markdown)), ct), Names))));
        return command;
    }

    /// <summary>The options' names for the properties they set (the simulation's and the ALS context's validation).</summary>
    private static readonly (string, string)[] Names =
    [
        ("Rounds", "--rounds"), ("Users", "--users"), ("Candidates", "--candidates"), ("RewardNoise", "--noise"), ("Regularization", "--lambda"),
        ("PriorWeight", "--prior-weight"), ("PriorNegativeRatio", "--prior-negatives"), ("Factors", "--factors"),
    ];

    /// <summary>Parsed command line; <see cref="Store"/> null = record nothing, "" = the default store.</summary>
    internal sealed record Request(string Preset, ulong WorldSeed, string Seeds, string Policies, int Rounds, int Users, int Candidates,
        double Noise, double Lambda, double PriorWeight, double PriorNegatives, ArmContext Context, int Factors, double AlsRegularization, bool Normalise, int Every, string? Store, bool Markdown);

    internal static int Run(Request request, CancellationToken ct)
    {
        if (request.Preset.ToLowerInvariant() is not ("tiny" or "demo"))
            throw new ArgumentException($"--preset '{request.Preset}': use tiny or demo.");
        if (request.Every < 1) throw new ArgumentException($"--curve-every expects a number of rounds of at least 1, got {request.Every}.");
        // Checked here: the ALS context's own check would name its "Regularization", which Names gives to --lambda.
        if (!(request.AlsRegularization >= 0)) throw new ArgumentException($"--als-reg expects a number >= 0, got {request.AlsRegularization}.");
        var factories = BanditPolicySpec.Parse(request.Policies);
        var seeds = ParseSeeds(request.Seeds);
        var baseOptions = new BanditSimulationOptions
        {
            Rounds = request.Rounds,
            Users = request.Users,
            Candidates = request.Candidates,
            RewardNoise = request.Noise,
            Regularization = request.Lambda,
            PriorWeight = request.PriorWeight,
            PriorNegativeRatio = request.PriorNegatives,
        };
        var store = request.Store is null ? null : StoreOption.Open(request.Store.Length == 0 ? null : request.Store);
        var world = SyntheticWorld.Generate(SynthCommand.Options(request.Preset, request.WorldSeed));
        var als = new AlsOptions { Factors = request.Factors, Regularization = request.AlsRegularization, Threads = 1 };
        var features = CollaborativeArmFeatures.Build(world.Dataset, request.Context, als, out var d, out var contextLabel, ct);
        if (request.Normalise)
            for (var i = 0; i < features.Length / d; i++)
            {
                var row = features.AsSpan(i * d, d);
                var norm = TensorPrimitives.Norm(row);
                if (norm > 0) TensorPrimitives.Divide(row, norm, row);
            }
        var simulated = Enumerable.Range(0, request.Users).ToArray();
        var label = string.Create(CultureInfo.InvariantCulture, $"synthetic {request.Preset} (seed {request.WorldSeed}; context {contextLabel}{(request.Normalise ? ", L2-normalised" : "")})");
        var headers = new List<string> { "policy" };
        headers.AddRange(seeds.Select(s => $"seed {s}"));
        headers.Add("mean regret");
        headers.Add("mean reward");
        var table = new TextTable($"cumulative regret after {request.Rounds:N0} rounds: {label}, {request.Users} users, {request.Candidates} candidates, noise {Numbers.F(request.Noise, "0.###")}, lambda {Numbers.F(request.Lambda, "0.###")}, {(request.PriorWeight > 0 ? $"history prior w={Numbers.F(request.PriorWeight, "0.###")} neg={Numbers.F(request.PriorNegatives, "0.###")}" : "no prior")}", [.. headers]);
        var runs = new List<ExperimentRun>();
        foreach (var factory in factories)
        {
            var cells = new List<string>();
            string name = "";
            double regret = 0, reward = 0;
            foreach (var seed in seeds)
            {
                var options = baseOptions with { Seed = seed };
                var learner = factory(d, request.Lambda);
                name = learner.Name;
                var trajectory = BanditSimulation.Run(features, d, (u, i) => world.TrueAffinity(u, i), simulated, learner, options, ct, world.Dataset.Events);
                cells.Add(Numbers.F(trajectory.FinalRegret, "0.0"));
                regret += trajectory.FinalRegret;
                reward += trajectory.FinalReward;
                if (store is not null) runs.Add(BanditRuns.FromSimulation(trajectory, options, label, request.Every, TimeProvider.System));
            }
            table.Add([name, .. cells, Numbers.F(regret / seeds.Length, "0.0"), Numbers.F(reward / seeds.Length, "0.0")]);
        }
        table.Print(request.Markdown);
        if (store is not null)
        {
            store.Save(runs);
            Console.WriteLine($"recorded {runs.Count} runs in {StoreOption.Describe(store)} (curves: reward, regret, ctr); plot them with `encore report <run-id...>{StoreOption.StoreArgument(store)}`:");
            foreach (var run in runs) Console.WriteLine($"  {run.Id}  {run.Model}  seed {run.Seed}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>"1,2,3" or "101-110" or a mix.</summary>
    internal static ulong[] ParseSeeds(string text)
    {
        var seeds = new List<ulong>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', 2);
            if (range.Length == 2 && ulong.TryParse(range[0], CultureInfo.InvariantCulture, out var from) && ulong.TryParse(range[1], CultureInfo.InvariantCulture, out var to))
            {
                // A range that is reversed or too long is a range all the same: say what is wrong with it.
                if (from > to) throw new ArgumentException($"--seeds item '{part}': the range runs backwards; write {to}-{from}.");
                if (to - from >= 10_000) throw new ArgumentException($"--seeds item '{part}': more than 10,000 seeds; a range holds at most 10,000.");
                for (var s = from; s <= to; s++) seeds.Add(s);
            }
            else if (ulong.TryParse(part, CultureInfo.InvariantCulture, out var single)) seeds.Add(single);
            else throw new ArgumentException($"--seeds item '{part}': expected a number or a range like 101-110.");
        }
        if (seeds.Count == 0) throw new ArgumentException("--seeds is empty.");
        return [.. seeds];
    }
}
