using Encore.Cli.Commands;

namespace Encore.Cli.Tests;

/// <summary><c>encore serve</c>: argument pass-through and start-up failures (the running server is tested in Encore.Server.Tests).</summary>
[Collection("console")]
public sealed class ServeCommandTests() : TempFolderTest("encore-serve-")
{
    [Fact]
    public void Arguments_ConfigUrlsAndModels_BecomeServerArguments()
    {
        var args = ServeCommand.Arguments("encore.toml", "http://127.0.0.1:9000", ["a.bin", "side=b.bin"]);

        Assert.Equal(["--config", "encore.toml", "--urls", "http://127.0.0.1:9000", "--model", "a.bin", "--model", "side=b.bin"], args);
    }

    [Fact]
    public void Arguments_StoresAndExtraKeys_BecomeConfigurationKeys()
    {
        var args = ServeCommand.Arguments(null, null, [], new ServeCommand.ServeStores("world", "service.db", "encore.db"), ["--Security:ApiKeys:0", "k"]);

        Assert.Equal(["--Dataset:Base", "world", "--Store:Path", "service.db", "--Runs:Path", "encore.db", "--Security:ApiKeys:0", "k"], args);
    }

    [Fact]
    public void Arguments_Settings_BecomeRetrainSettingsWithAFullPath()
    {
        var args = ServeCommand.Arguments(null, null, [], new ServeCommand.ServeStores(Settings: "tuned.ini"));

        Assert.Equal(["--Retrain:Settings", Path.GetFullPath("tuned.ini")], args);
    }

    [Fact]
    public async Task Serve_InvalidConfig_ExitsWithUsageNamingOption()
    {
        var config = Path.Combine(Dir, "encore.toml");
        await File.WriteAllTextAsync(config, "[serving]\nmax_k = 0\n[store]\npath = \"" + Path.Combine(Dir, "x.db").Replace("\\", "/", StringComparison.Ordinal) + "\"\n");
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["serve", "--config", config, "--urls", "http://127.0.0.1:0"]));
        }
        finally
        {
            Console.SetError(original);
        }
        Assert.Contains("serving.max_k", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MissingModelFile_ExitsWithUsage()
    {
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--model", Path.Combine(Dir, "none.bin")]));
    }
}
