using System.Globalization;
using Encore.Models.ColdStart;
using Encore.Models.Group;
using Spectre.Console;

namespace Encore.Cli.Output;

/// <summary>Prints ranked item lists (rank, id, title when a dataset is given, score) and how they were made.</summary>
internal static class RecommendationPrinter
{
    public static void PrintItems(string title, IReadOnlyList<string> items, IReadOnlyList<float> scores, ItemLabels labels,
        string empty = "no items to recommend (everything was filtered out)")
    {
        // The title is a plain line: a table title wraps to the table's width.
        Console.WriteLine(title);
        if (items.Count == 0)
        {
            Console.WriteLine(empty);
            return;
        }
        var table = new Table().AddColumn(new TableColumn("rank").RightAligned()).AddColumn("item");
        if (labels.HasLabels) table.AddColumn("title");
        table.AddColumn(new TableColumn("score").RightAligned());
        for (var i = 0; i < items.Count; i++)
        {
            var row = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(items[i]) };
            if (labels.HasLabels) row.Add(Markup.Escape(labels.Of(items[i])));
            row.Add(scores[i].ToString("G5", CultureInfo.InvariantCulture));
            table.AddRow([.. row]);
        }
        CurrentConsole.Create().Write(table);
    }

    /// <summary>The answer's table, then the cold-start path taken and any ids that were ignored.</summary>
    public static void PrintAnswer(string title, ColdStartAnswer answer, ItemLabels labels, string why)
    {
        PrintItems(title, answer.Items, answer.Scores, labels);
        Console.WriteLine($"path: {PathName(answer.Path)} ({why})");
        PrintUnknown(answer.UnknownItems);
    }

    public static void PrintUnknown(IReadOnlyList<string> unknown)
    {
        if (unknown.Count > 0) Console.WriteLine($"ignored ids the model does not know: {string.Join(", ", unknown)}");
    }

    public static void PrintMembers(IReadOnlyList<string> members, GroupRecommendation group)
    {
        Console.WriteLine("member satisfaction");
        var table = new Table().AddColumn("member")
            .AddColumn(new TableColumn("share of list in own top-N").RightAligned())
            .AddColumn(new TableColumn("mean normalised score").RightAligned());
        foreach (var m in group.Members)
            table.AddRow(Markup.Escape(members[m.Member]), m.ShareInOwnTopN.ToString("P0", CultureInfo.InvariantCulture), m.MeanNormalisedScore.ToString("F3", CultureInfo.InvariantCulture));
        CurrentConsole.Create().Write(table);
        Console.WriteLine($"minimum share: {group.MinimumShare.ToString("P0", CultureInfo.InvariantCulture)}");
    }

    public static string PathName(RecommendationPath path) => path switch
    {
        RecommendationPath.Model => "model",
        RecommendationPath.FoldIn => "fold-in",
        _ => "popularity",
    };
}
