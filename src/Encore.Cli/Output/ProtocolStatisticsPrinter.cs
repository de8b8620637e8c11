using System.Globalization;
using Encore.Evaluation.Protocols;

namespace Encore.Cli.Output;

/// <summary>Prints what the protocol did to the data: pair counts and the share of held-out pairs never seen in training.</summary>
internal static class ProtocolStatisticsPrinter
{
    public static void Print(PreparedProtocol protocol, bool markdown)
    {
        var table = new TextTable("protocol statistics", "what", "value");
        foreach (var (name, value) in protocol.Statistics)
            table.Add(name, name.EndsWith("share", StringComparison.Ordinal)
                ? value.ToString("P1", CultureInfo.InvariantCulture)
                : value.ToString("N0", CultureInfo.InvariantCulture));
        table.Print(markdown);
    }
}
