using Encore.Server.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Encore.Server.Tests;

/// <summary>retrain.ratings / retrain.threshold and serving.recent_feedback_users reach the serving layer from the config file, and bad values stop the start.</summary>
public sealed class RetrainRatingsConfigurationTests
{
    [Fact]
    public void TomlFile_RatingsThresholdAndRecentUsers_ReachTheOnlineOptions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, """
            [serving]
            recent_feedback_users = 5000
            [retrain]
            ratings = "positive"
            threshold = 3.5
            """);
        try
        {
            var online = new ConfigurationBuilder().Add(new TomlConfigurationSource(path)).Build().Get<EncoreServerOptions>()!.ToOnline();

            Assert.Equal(("positive", 3.5f), (online.Retrain.Ratings, online.Retrain.Threshold));
            Assert.Equal(5000, online.RecentFeedbackUsers);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Defaults_AreTheEnginesOwn()
    {
        var online = new EncoreServerOptions().ToOnline();

        Assert.Equal(("auto", (float?)null), (online.Retrain.Ratings, online.Retrain.Threshold));
        Assert.Equal(Online.Feedback.RecentFeedback.DefaultMaxUsers, online.RecentFeedbackUsers);
    }

    [Theory]
    [InlineData("Retrain:Ratings", "stars", "retrain.ratings 'stars' is unknown; expected auto, ignore, values, positive or signed, as train's --ratings.")]
    [InlineData("Retrain:Threshold", "0", "retrain.threshold must be a rating above 0")]
    [InlineData("Serving:RecentFeedbackUsers", "0", "serving.recent_feedback_users must be between 1 and 100000000.")]
    public void Build_BadValue_FailsAtStartNamingTheOption(string key, string value, string message)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => EncoreServer.Build([], new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(ex.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }
}
