using System.CommandLine;
using System.Globalization;
using System.Numerics.Tensors;
using Encore.Cli.Output;
using Encore.Core.Files;
using Encore.Data.Content;
using Encore.Evaluation.Bandits;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore bandits replay &lt;log&gt; --vectors FILE [--policies ...]</c>: Li et al.'s (2011) unbiased replay estimate of
/// every policy's mean reward per round on a uniformly random exposure log (Yahoo! R3's test part, or PIKI's
/// personalized = 0 rows), with a 95% interval; one run per policy with its running-mean (ctr) curve goes to the
/// run store for <c>encore report</c>.
/// </summary>
public static class BanditReplayCommand
{
    public static Command Create()
    {
        var log = new Argument<string>("log") { Description = "Random-exposure log: user<TAB>song<TAB>rating (Yahoo! R3 test part; comma-separated for .csv) or a PIKI CSV (rows with personalized = 0)." };
        var vectors = new Option<string?>("--vectors") { Description = "Track vectors of the log's songs: .csv / .tsv (id then values), .parquet or .npy (with --ids). Give this or --model." };
        var model = new Option<string?>("--model") { Description = "A trained factor model file (als, wmf, bpr, lmf; `encore train`) whose item factors, standardised per column, are the arm context of the log's songs. Give this or --vectors." };
        var ids = new Option<string?>("--ids") { Description = "For .npy vectors: text file with one song id per line, in row order." };
        var idColumn = new Option<string?>("--id-column") { Description = "Name of the id column in the vector file (default: the first)." };
        var format = new Option<string>("--format") { Description = "Log shape: auto, r3 or piki.", DefaultValueFactory = _ => "auto" };
        var threshold = new Option<double?>("--threshold") { Description = "Reward 1 when the logged value is at least this (default: rating >= 4 for R3, liked >= 1 for PIKI), else 0." };
        var policies = new Option<string>("--policies") { Description = $"Policies: {BanditPolicySpec.Help}.", DefaultValueFactory = _ => BanditDefaults.Policies };
        var lambda = new Option<double>("--lambda") { Description = "Ridge weight of every value function.", DefaultValueFactory = _ => BanditDefaults.Regularization };
        var normalise = new Option<bool>("--normalise") { Description = "L2-normalise the track vectors before the policies see them." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the replay order and of the policies' randomness.", DefaultValueFactory = _ => 42UL };
        var every = new Option<int>("--curve-every") { Description = "Record the ctr curve every N matched events.", DefaultValueFactory = _ => 10 };
        var noStore = new Option<bool>("--no-store") { Description = "Print only; record no runs." };
        var store = StoreOption.Create();
        var markdown = new Option<bool>("--markdown") { Description = "Print the table as GitHub Markdown." };
        var command = new Command("replay", "Unbiased replay estimate (Li et al. 2011) of each policy's mean reward on a uniformly random exposure log, with a 95% interval; runs and ctr curves go to the run store.")
        {
            log, vectors, model, ids, idColumn, format, threshold, policies, lambda, normalise, seed, every, noStore, store, markdown,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(new Request(
            parse.GetValue(log)!, parse.GetValue(vectors), parse.GetValue(model), parse.GetValue(ids), parse.GetValue(idColumn), parse.GetValue(format)!, parse.GetValue(threshold),
            parse.GetValue(policies)!, parse.GetValue(lambda), parse.GetValue(normalise), parse.GetValue(seed), parse.GetValue(every),
            parse.GetValue(noStore) ? null : parse.GetValue(store) ?? "", parse.GetValue(markdown)), ct))));
        return command;
    }

    /// <summary>Parsed command line; <see cref="Store"/> null = record nothing, "" = the default store.</summary>
    internal sealed record Request(string Log, string? Vectors, string? Model, string? Ids, string? IdColumn, string Format, double? Threshold, string Policies,
        double Lambda, bool Normalise, ulong Seed, int Every, string? Store, bool Markdown);

    internal static int Run(Request request, CancellationToken ct)
    {
        if (request.Every < 1) throw new ArgumentException($"--curve-every expects a number of events of at least 1, got {request.Every}.");
        if (!(request.Lambda > 0)) throw new ArgumentException($"--lambda must be > 0, got {request.Lambda.ToString(CultureInfo.InvariantCulture)}.");
        var format = request.Format.ToLowerInvariant() switch
        {
            "auto" => ExposureLogFormat.Auto,
            "r3" or "yahoo-r3" => ExposureLogFormat.YahooR3,
            "piki" => ExposureLogFormat.Piki,
            _ => throw new ArgumentException($"--format '{request.Format}': use auto, r3 or piki."),
        };
        var factories = BanditPolicySpec.Parse(request.Policies);
        var exposures = ExposureLog.Read(CommandLinePath.Existing(request.Log, "<log>"), format);
        if ((request.Vectors is null) == (request.Model is null)) throw new ArgumentException("give exactly one of --vectors FILE (track vectors) or --model FILE (a factor model's item factors).");
        var (ids, values, d, source) = request.Model is not null ? ModelItemFactors.Read(request.Model) : ReadVectors(request);
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++) rowOf.TryAdd(ids[i], i);
        ReadOnlyMemory<float> VectorOf(string id)
        {
            if (!rowOf.TryGetValue(id, out var row)) return ReadOnlyMemory<float>.Empty;
            var v = values.AsMemory(row * d, d);
            if (!request.Normalise) return v;
            var copy = v.ToArray();
            var norm = TensorPrimitives.Norm(copy);
            if (norm > 0) TensorPrimitives.Divide(copy, norm, copy);
            return copy;
        }
        var threshold = request.Threshold ?? exposures.DefaultThreshold;
        var replay = ReplayLog.Build(exposures, VectorOf, d, threshold, request.Seed);
        var label = string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(request.Log)} ({(exposures.Format == ExposureLogFormat.Piki ? "piki, personalized=0" : "r3")}, reward = value >= {threshold}, {source}{(request.Normalise ? " L2-normalised" : "")})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {replay.Events.Count:N0} events, {replay.Users:N0} users, logging policy (uniform) mean reward {Numbers.F(replay.LogMeanReward)}; left out: {replay.RowsWithoutVector:N0} rows without a vector, {replay.DroppedUsers:N0} users with fewer than 2 songs{(exposures.SkippedRows > 0 ? $", {exposures.SkippedRows:N0} personalized rows" : "")}."));
        var table = new TextTable($"replay estimate of mean reward per round (Li et al. 2011), lambda {Numbers.F(request.Lambda, "0.###")}, seed {request.Seed}",
            "policy", "estimate", "95% interval", "matched", "events");
        var store = request.Store is null ? null : StoreOption.Open(request.Store.Length == 0 ? null : request.Store);
        var runs = new List<ExperimentRun>();
        foreach (var factory in factories)
        {
            ct.ThrowIfCancellationRequested();
            var estimate = ReplayEvaluator.Evaluate(replay.Events, replay.Features, d, factory(d, request.Lambda), request.Seed);
            table.Add([estimate.Policy, Numbers.F(estimate.MeanReward), $"[{Numbers.F(estimate.Low)}, {Numbers.F(estimate.High)}]",
                estimate.Matched.ToString("N0", CultureInfo.InvariantCulture), estimate.Events.ToString("N0", CultureInfo.InvariantCulture)]);
            if (store is not null && estimate.Matched > 0) runs.Add(BanditRuns.FromReplay(estimate, label, request.Seed, request.Every, TimeProvider.System));
        }
        table.Print(request.Markdown);
        if (store is not null)
        {
            store.Save(runs);
            Console.WriteLine($"recorded {runs.Count} runs in {StoreOption.Describe(store)} (curve: ctr); plot them with `encore report <run-id...>{StoreOption.StoreArgument(store)}`:");
            foreach (var run in runs) Console.WriteLine($"  {run.Id}  {run.Model}");
        }
        return ExitCodes.Ok;
    }

    private static (IReadOnlyList<string> Ids, float[] Values, int Dimension, string Source) ReadVectors(Request request)
    {
        var file = TrackVectorReader.Read(CommandLinePath.Existing(request.Vectors!, "--vectors"),
            request.Ids is null ? null : CommandLinePath.Existing(request.Ids, "--ids"), request.IdColumn);
        return (file.Ids, file.Values, file.Dimension, $"vectors {Path.GetFileName(request.Vectors)}");
    }
}
