using System.Globalization;
using Spectre.Console;

namespace Encore.Cli.Output;

/// <summary>Prints models ranked by NDCG with its 95% bootstrap interval and the fit / evaluation times.</summary>
public static class LeaderboardPrinter
{
    public static void Print(IReadOnlyList<LeaderboardRow> rows, string title)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("model");
        foreach (var h in new[] { "fit s", "eval s", "P@10", "R@10", "NDCG@10 [[95% CI]]", "HR@10", "users" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var r in rows.OrderByDescending(r => r.Ndcg.Mean))
        {
            table.AddRow(Markup.Escape(r.Model), F(r.FitSeconds, "0.00"), F(r.EvaluateSeconds, "0.00"), F(r.Precision, "0.0000"), F(r.Recall, "0.0000"),
                Markup.Escape($"{F(r.Ndcg.Mean, "0.0000")} [{F(r.Ndcg.Low, "0.0000")}, {F(r.Ndcg.High, "0.0000")}]"), F(r.HitRate, "0.000"), r.Users.ToString("N0", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
