using System.CommandLine;
using Encore.Cli.Arguments;
using Encore.Cli.Output;
using Encore.Core.Files;
using Encore.Core.Ids;
using Encore.Data.Snapshots;
using Encore.Models.ColdStart;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Group;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore recommend model.bin --user ID</c>: top-k for a user through the cold-start chain (model, fold-in
/// of <c>--history</c>, popularity), for a group (<c>--group</c>), or as a playlist continuation
/// (<c>--playlist-seeds</c>). Unknown user and track ids never fail: they are answered and reported.
/// </summary>
public static class RecommendCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "Model file written by encore train." };
        var user = new Option<string?>("--user", "-u") { Description = "User id (known or not)." };
        var k = new Option<int>("--k", "-k") { Description = "How many items.", DefaultValueFactory = _ => 10 };
        var history = new Option<string[]>("--history") { Description = "Request-time history: track ids, comma-separated (used to fold in an unknown user)." };
        var includeSeen = new Option<bool>("--include-seen") { Description = "Allow items the user already has." };
        var exclude = new Option<string[]>("--exclude") { Description = "Item ids never to recommend, comma-separated." };
        var allow = new Option<string[]>("--allow") { Description = "Only these item ids may be recommended, comma-separated." };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset snapshot to show titles from." };
        var group = new Option<string[]>("--group") { Description = "Group members: user ids, comma-separated." };
        var strategy = new Option<string>("--strategy") { Description = $"Group aggregation: {GroupStrategyArgument.Help}.", DefaultValueFactory = _ => "average" };
        var seeds = new Option<string[]>("--playlist-seeds") { Description = "Seed track ids of a playlist to continue, comma-separated." };
        var command = new Command("recommend", "Recommend items for a user, a group or a playlist from a saved model.")
        {
            model, user, k, history, includeSeen, exclude, allow, dataset, group, strategy, seeds,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(new RecommendArguments(
            parse.GetValue(model)!, IdArgument.Parse(parse.GetValue(user), "--user"), parse.GetValue(k), IdList.Parse(parse.GetValue(history), "--history"),
            parse.GetValue(includeSeen), IdList.ParseOptional(parse.GetValue(exclude), "--exclude"), IdList.ParseOptional(parse.GetValue(allow), "--allow"),
            parse.GetValue(dataset), IdList.Parse(parse.GetValue(group), "--group"), parse.GetValue(strategy)!, IdList.Parse(parse.GetValue(seeds), "--playlist-seeds"))))));
        return command;
    }

    internal sealed record RecommendArguments(string Model, string? User, int K, string[] History, bool IncludeSeen,
        string[]? Exclude, string[]? Allow, string? Dataset, string[] Group, string Strategy, string[] Seeds);

    internal static int Run(RecommendArguments args)
    {
        var modes = (args.User is null ? 0 : 1) + (args.Group.Length > 0 ? 1 : 0) + (args.Seeds.Length > 0 ? 1 : 0);
        if (modes > 1) throw new ArgumentException("give only one of --user, --group and --playlist-seeds.");
        if (modes == 0 && args.History.Length == 0) throw new ArgumentException("give --user ID, --group ID,ID,..., --playlist-seeds TRACK,... or --history TRACK,...");
        // A repeated member was counted once without a word; the service refuses one too.
        if (args.Group.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new ArgumentException($"--group names '{repeated.Key}' {repeated.Count()} times; give each member once.");
        if (args.K <= 0) throw new ArgumentException($"--k must be at least 1, got {args.K}.");
        var model = ModelLoader.Load(CommandLinePath.Existing(args.Model, "<model>"));
        var labels = new ItemLabels(args.Dataset is null ? null : DatasetSnapshot.Read(CommandLinePath.Existing(args.Dataset, "--dataset")), model.Items, args.Dataset);
        var chain = new ColdStartRecommender(model);
        if (args.Group.Length > 0) return Group(chain, args, labels);

        var request = new ColdStartRequest
        {
            UserId = args.User,
            History = args.Seeds.Length > 0 ? args.Seeds : args.History,
            ExcludeSeen = !args.IncludeSeen,
            Exclude = args.Exclude,
            Allow = args.Allow,
        };
        var answer = chain.Recommend(request, args.K);
        var title = args.Seeds.Length > 0 ? $"continuation of {args.Seeds.Length} seed tracks ({model.ModelName})"
            : args.User is null ? $"recommendations for a history of {args.History.Length} tracks ({model.ModelName})"
            : $"recommendations for user {args.User} ({model.ModelName})";
        RecommendationPrinter.PrintAnswer(title, answer, labels, Why(answer, args, model));
        return ExitCodes.Ok;
    }

    private static string Why(ColdStartAnswer answer, RecommendArguments args, IRecommender model)
    {
        var known = (args.Seeds.Length > 0 ? args.Seeds : args.History).Distinct().Count(id => model.Items.TryGetTrackIndex(id, out _));
        var who = args.User is null ? "no user given"
            : answer.KnownWithoutSignal ? $"user '{args.User}' is in the model but has no positive signal (no events at all, or only skips, dislikes or zero totals)"
            : $"user '{args.User}' is not in the model";
        return answer.Path switch
        {
            RecommendationPath.Model => $"user '{args.User}' is in the model{HistoryUnused(args)}",
            _ when answer.ModelWithoutEvidence => $"user '{args.User}' is in the model, but it has no evidence for any track not yet heard; the most popular items minus what the user has{HistoryUnused(args)}",
            RecommendationPath.FoldIn => $"{who}; folded in {known} known history items",
            _ when answer.HistoryUnusable => $"{who}; the history gave {model.ModelName} no evidence for any track, so the most popular items minus the history",
            _ when known > 0 && model is IHistoryRecommender => $"{who}; the history could not be folded in, so the most popular items minus the history",
            _ when known > 0 => $"{who}; {model.ModelName} cannot fold in a history, so the most popular items minus the history",
            _ when answer.KnownWithoutSignal => $"{who}; the most popular items minus what the user skipped or disliked",
            _ => $"{who} and no known history items; the most popular items",
        };
    }

    // A known user is answered from the model: a --history given with it is not used, and the output says so.
    private static string HistoryUnused(RecommendArguments args) =>
        args.History.Length > 0 && args.Seeds.Length == 0 ? "; --history was not used (it folds in only a user the model does not know)" : "";

    private static int Group(ColdStartRecommender chain, RecommendArguments args, ItemLabels labels)
    {
        var model = chain.Model;
        var known = args.Group.Where(id => model.Users.TryGetIndex(id, out _)).Distinct().ToArray();
        var unknown = args.Group.Where(id => !model.Users.TryGetIndex(id, out _)).Distinct().ToArray();
        if (unknown.Length > 0) Console.WriteLine($"group members not in the model (left out): {string.Join(", ", unknown)}");
        if (known.Length == 0)
        {
            var fallback = chain.Recommend(new ColdStartRequest { ExcludeSeen = !args.IncludeSeen, Exclude = args.Exclude, Allow = args.Allow }, args.K);
            RecommendationPrinter.PrintAnswer("group recommendations", fallback, labels, "no group member is in the model; the most popular items");
            return ExitCodes.Ok;
        }
        var members = known.Select(id => GroupMember.Known(model.Users.IndexOf(id))).ToArray();
        var options = new RecommendOptions
        {
            ExcludeSeen = !args.IncludeSeen,
            Exclude = Dense(args.Exclude, model, out var badExclude),
            Allow = Dense(args.Allow, model, out var badAllow),
        };
        var strategy = GroupStrategyArgument.Parse(args.Strategy);
        var result = new GroupRecommender(model, new GroupOptions { Strategy = strategy }).Recommend(members, args.K, options);
        var items = result.Items.Select(i => model.Items[i]).ToArray();
        RecommendationPrinter.PrintItems($"group of {known.Length} ({args.Strategy}, {model.ModelName})", items, result.Scores, labels);
        RecommendationPrinter.PrintMembers(known, result);
        Console.WriteLine($"path: group ({known.Length} known members, strategy {args.Strategy})");
        RecommendationPrinter.PrintUnknown([.. badExclude, .. badAllow]);
        return ExitCodes.Ok;
    }

    private static int[]? Dense(string[]? ids, IRecommender model, out string[] unknown)
    {
        unknown = [];
        if (ids is null) return null;
        var missing = new List<string>();
        var known = model.Items.KnownTrackIndices(ids, missing);
        unknown = [.. missing];
        return known;
    }
}
