using System.Text;
using Encore.Cli.Commands;

namespace Encore.Cli.Tests.Faults.Fuzz;

/// <summary>
/// Seeded, bounded fuzzing of <c>encore serve --config</c> files, TOML and JSON (issue 12): the server is
/// built from the damaged file (every option bound and checked) and stopped before it serves. A file that
/// cannot be read or holds a bad value exits 1 with a message naming the file or the option; a file that
/// is still valid builds (exit 0, or 130 for the stop). Never 4, never raw runtime text.
/// </summary>
[Collection("console")]
public sealed class ConfigFileFuzzTests() : TempFolderTest("encore-config-fuzz-")
{
    private const string Toml = """
        # a small valid configuration
        [server]
        max_request_body_bytes = 1048576
        json_logs = false

        [security]
        api_keys = ["write-key-0123456789"]

        [rate_limit]
        enabled = true
        permit_limit = 100
        window_seconds = 1

        [serving]
        max_k = 100
        """;

    private const string Json = """
        {
          "Server": { "MaxRequestBodyBytes": 1048576, "JsonLogs": false },
          "Security": { "ApiKeys": ["write-key-0123456789"] },
          "RateLimit": { "Enabled": true, "PermitLimit": 100, "WindowSeconds": 1 },
          "Serving": { "MaxK": 100 }
        }
        """;

    [Theory]
    [InlineData("toml")]
    [InlineData("json")]
    public async Task Serve_ValidConfig_Builds(string extension)
    {
        var path = Path.Combine(Dir, "valid." + extension);
        await File.WriteAllTextAsync(path, extension == "toml" ? Toml : Json);

        var result = await BuildAsync(path);

        CliOutcome.Check(result, [ExitCodes.Ok, ExitCodes.Cancelled], $"valid {extension}");
    }

    [Theory]
    [InlineData("toml")]
    [InlineData("json")]
    public async Task Serve_DamagedConfig_ExitsBadCommandLineOrBuilds(string extension)
    {
        var original = Encoding.UTF8.GetBytes(extension == "toml" ? Toml : Json);
        var random = new Random(extension == "toml" ? 1213 : 1215);
        for (var m = 0; m < 2 * Mutations.Count * Mutations.Rounds; m++)
        {
            var path = Path.Combine(Dir, $"config-{m}.{extension}");
            await File.WriteAllBytesAsync(path, Mutations.Apply(original, m, random, out var what));

            var result = await BuildAsync(path);

            CliOutcome.Check(result, [ExitCodes.Ok, ExitCodes.Usage, ExitCodes.Cancelled], $"{extension} config {what}");
            if (result.Code == ExitCodes.Usage)
                Assert.True(result.Error.Contains(Path.GetFileName(path), StringComparison.Ordinal) || result.Error.Contains("configuration", StringComparison.Ordinal), $"{what}: {result.Error}");
        }
    }

    // Built with a stop already requested: configuration is read and validated, nothing is served.
    private Task<(int Code, string Out, string Error)> BuildAsync(string config)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Dir, "serve-" + Guid.NewGuid().ToString("N"))).FullName;
        var args = ServeCommand.Arguments(config, "http://127.0.0.1:0", [], new ServeCommand.ServeStores(Store: Path.Combine(folder, "service.db")),
            ["--Models:Directory", Path.Combine(folder, "models")]);
        return ConsoleCapture.RunAsync(() => CommandRunner.RunAsync(() => ServeCommand.Run(args, new CancellationToken(canceled: true))));
    }
}
