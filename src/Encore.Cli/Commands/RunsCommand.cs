using System.CommandLine;

namespace Encore.Cli.Commands;

/// <summary><c>encore runs list | show &lt;id&gt; | compare &lt;a&gt; &lt;b&gt;</c>: read the run store.</summary>
public static class RunsCommand
{
    public static Command Create() => new("runs", "List, show and compare recorded evaluation runs.")
    {
        RunsListCommand.Create(),
        RunsShowCommand.Create(),
        RunsCompareCommand.Create(),
    };
}
