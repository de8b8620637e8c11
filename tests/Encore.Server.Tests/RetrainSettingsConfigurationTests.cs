using Encore.Evaluation.Tuning;
using Encore.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Encore.Server.Tests;

/// <summary>retrain.settings (encore serve --settings tuned.ini): the tuned file reaches the service's retraining, and a bad one stops the start.</summary>
public sealed class RetrainSettingsConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-retrain-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ToOptions_TunedFile_GivesTheTrainerSectionAndConfidence()
    {
        var path = Tuned(new() { ["als"] = new Dictionary<string, string> { ["factors"] = "192", ["regularization"] = "40" }, ["data"] = new Dictionary<string, string> { ["confidence"] = "none" } });

        var options = new RetrainSection { Settings = path, Factors = 32 }.ToOptions();

        Assert.Equal("192", options.TrainerSettings["factors"]);
        Assert.Equal("40", options.TrainerSettings["regularization"]);
        Assert.Equal("none", options.Confidence);
        Assert.Equal(path, options.SettingsSource);
    }

    [Fact]
    public void ToOptions_NothingSet_IsTheRetrainEnginesOwnDefaults()
    {
        // The server's section once kept ALS at regularization 0.01 after the engine's default moved to 20: every
        // default of the section must be the engine's.
        var expected = new Encore.Online.Retraining.RetrainOptions();

        var options = new RetrainSection().ToOptions();

        Assert.Equal(expected.Regularization, options.Regularization);
        Assert.Equal(20, options.Regularization);
        Assert.Equal(expected.Trainer, options.Trainer);
        Assert.Equal(expected.Factors, options.Factors);
        Assert.Equal(expected.Iterations, options.Iterations);
        Assert.Equal(expected.Alpha, options.Alpha);
        Assert.Equal(expected.Confidence, options.Confidence);
        Assert.Equal(expected.HoldoutFraction, options.HoldoutFraction);
        Assert.Equal(expected.EvaluationUsers, options.EvaluationUsers);
        Assert.Equal(expected.Tolerance, options.Tolerance);
        Assert.Equal(expected.RefitOnAllData, options.RefitOnAllData);
        Assert.Equal(expected.Seed, options.Seed);
        Assert.Equal(expected.Interval, options.Interval);
    }

    [Fact]
    public void ToOptions_NoSettings_KeepsTheBuiltInTrainer()
    {
        var options = new RetrainSection().ToOptions();

        Assert.Empty(options.TrainerSettings);
        Assert.Null(options.SettingsSource);
        Assert.Equal("auto", options.Confidence);
    }

    /// <summary>retrain.confidence took only none, log1p and log; it now takes what train's --confidence takes.</summary>
    [Theory]
    [InlineData("auto")]
    [InlineData("bm25")]
    [InlineData("bm25:1.2:0.5")]
    [InlineData("tfidf")]
    [InlineData("linear:2")]
    [InlineData("log:10")]
    public void Validate_RetrainConfidenceTrainTakes_Succeeds(string confidence)
    {
        var options = new EncoreServerOptions { Retrain = new RetrainSection { Confidence = confidence } };

        var result = new ServerOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(confidence, options.Retrain.ToOptions().Confidence);
    }

    [Fact]
    public void Build_RetrainConfidenceUnknown_FailsAtStartNamingTheGrammar()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => EncoreServer.Build([], new Dictionary<string, string?> { ["Retrain:Confidence"] = "sqrt" }));

        var failure = Assert.Single(ex.Failures, f => f.StartsWith("retrain.confidence", StringComparison.Ordinal));
        Assert.Contains("auto (chosen from the values) | none", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ToOptions_TunedFileWithBm25_GivesIt()
    {
        var path = Tuned(new() { ["als"] = new Dictionary<string, string> { ["factors"] = "16" }, ["data"] = new Dictionary<string, string> { ["confidence"] = "bm25" } });

        Assert.Equal("bm25", new RetrainSection { Settings = path }.ToOptions().Confidence);
    }

    [Theory]
    [InlineData("[ease]\nlambda = 500\n", "has no [als] section")]
    [InlineData("[als]\nlambda = 500\n", "[als]")]
    [InlineData("[als]\nfactors\n", "bad.ini:2")]
    [InlineData("[als]\nfactors = 8\n[data]\nconfidence = sqrt\n", "confidence = sqrt")]
    public void Build_BadSettingsFile_FailsAtStartNamingTheFile(string text, string expected)
    {
        var path = Path.Combine(_dir, "bad.ini");
        File.WriteAllText(path, text);

        var ex = Assert.Throws<OptionsValidationException>(() => EncoreServer.Build([], new Dictionary<string, string?> { ["Retrain:Settings"] = path }));

        var failure = Assert.Single(ex.Failures, f => f.StartsWith("retrain.settings", StringComparison.Ordinal));
        Assert.Contains(path, failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MissingSettingsFile_FailsAtStart()
    {
        var path = Path.Combine(_dir, "missing.ini");

        var ex = Assert.Throws<OptionsValidationException>(() => EncoreServer.Build([], new Dictionary<string, string?> { ["Retrain:Settings"] = path }));

        Assert.Contains(ex.Failures, f => f.Contains("settings file not found", StringComparison.Ordinal));
    }

    private string Tuned(Dictionary<string, Dictionary<string, string>> sections)
    {
        var path = Path.Combine(_dir, "tuned.ini");
        TunedSettingsFile.Write(path, sections.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<string, string>)s.Value), ["test"]);
        return path;
    }
}
