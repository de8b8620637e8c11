using Encore.Cli.Output;

namespace Encore.Cli.Commands;

/// <summary>
/// Which <c>encore evaluate</c> options each protocol family reads. The six-candidate and playlist protocols print their
/// own tables and never read the ranking protocols' options (<c>--groups</c>, <c>--per-user</c>, <c>--k</c>, ...); such
/// an option given to them is refused with exit 1 instead of being ignored (a <c>--per-user</c> file that is never
/// written, groups that are never drawn). Options are compared with their defaults, so a default spelt out is accepted.
/// </summary>
internal static class EvaluateOptionScope
{
    /// <summary>Throws when <paramref name="request"/> sets an option its protocol does not read.</summary>
    /// <exception cref="ArgumentException">Names every such option and the options the protocol does read.</exception>
    public static void Check(EvaluateCommand.EvaluateRequest request)
    {
        var sixCandidate = SixCandidateEvaluation.Handles(request.Protocol);
        var playlist = PlaylistEvaluation.Handles(request.Protocol);
        var ignored = new List<string>();
        void Unless(bool used, bool given, string option)
        {
            if (given && !used) ignored.Add(option);
        }

        var ranking = !sixCandidate && !playlist;
        Unless(ranking, request.On != "test", "--on");
        Unless(ranking, request.Ks != "5,10,30", "--k");
        Unless(ranking, request.Sampled is not null, "--sampled");
        Unless(ranking, request.Groups, "--groups");
        Unless(ranking, request.Metric != "ndcg@10", "--metric");
        Unless(ranking, request.PerUserFile is not null, "--per-user");
        Unless(ranking, request.SettingsFile is not null, "--settings");
        Unless(ranking, request.Wide, "--wide");
        Unless(ranking, request.Format.IsMachine(), "--format csv|json");
        Unless(sixCandidate, request.Explain is not null, "--explain");
        Unless(ranking && request.Groups, request.GroupModel is not null, "--group-model");
        Unless(ranking && request.Groups, request.GroupCounts != "10,100", "--group-counts");
        if (ignored.Count == 0) return;

        var reads = sixCandidate ? "--models, --set, --seed, --explain, --markdown (or --format markdown) and --store"
            : playlist ? "--models, --set, --seed and --store (its tables are Markdown)"
            : "--group-model and --group-counts only with --groups";
        var which = ranking ? "the protocol" : $"--protocol {request.Protocol}";
        throw new ArgumentException($"{string.Join(", ", ignored)} {(ignored.Count == 1 ? "does" : "do")} not apply to {which}; it reads {reads}.");
    }
}
