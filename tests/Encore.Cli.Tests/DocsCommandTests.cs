using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Encore.Cli.Tests;

/// <summary>
/// The docs test (docs/docs-tests.md): every <c>```bash runnable</c> block of README.md and docs/*.md runs
/// in its own temp folder with <c>encore</c> bound to the binary built with these tests, and must exit 0.
/// </summary>
public sealed partial class DocsCommandTests
{
    /// <summary>A runnable block: file (relative to the repository), line of its opening fence, the commands.</summary>
    public sealed record Block(string File, int Line, string Script)
    {
        public override string ToString() => $"{File}:{Line}";
    }

    [GeneratedRegex(@"^```bash\s+runnable\s*$")]
    private static partial Regex RunnableFence();

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Encore.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Encore.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every runnable block, in file order.</summary>
    public static IReadOnlyList<Block> Blocks()
    {
        var root = RepositoryRoot();
        var files = new[] { Path.Combine(root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal));
        var blocks = new List<Block>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!RunnableFence().IsMatch(lines[i])) continue;
                var start = i;
                var script = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++) script.Append(lines[i]).Append('\n');
                blocks.Add(new Block(Path.GetRelativePath(root, file), start + 1, script.ToString()));
            }
        }
        return blocks;
    }

    public static TheoryData<string> BlockNames() => [.. Blocks().Select(b => b.ToString())];

    [Fact]
    public void Blocks_ReadmeAndDocs_SeveralRunnableBlocksFound() =>
        Assert.True(Blocks().Count >= 2, "expected runnable blocks in docs/cli.md and docs/service.md");

    [Theory]
    [MemberData(nameof(BlockNames))]
    public async Task Block_RunsWithBash_ExitsZero(string name)
    {
        var block = Blocks().Single(b => b.ToString() == name);
        var encore = Path.Combine(AppContext.BaseDirectory, "encore.dll");
        Assert.True(File.Exists(encore), $"{encore} is missing");
        var folder = Directory.CreateTempSubdirectory("encore-docs-").FullName;
        try
        {
            var prelude = $"encore() {{ dotnet '{encore}' \"$@\"; }}\nexport ENCORE_STORE='{Path.Combine(folder, "encore.db")}'\n";
            var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", prelude + block.Script])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0,
                $"{block} exited {process.ExitCode}\n--- script\n{block.Script}--- stdout\n{await output}\n--- stderr\n{await error}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
