using Encore.Core.Errors;
using Encore.Evaluation.Tuning;
using Encore.Online.Retraining;

namespace Encore.Server.Configuration;

/// <summary>
/// <c>retrain.settings</c> (<c>encore serve --settings tuned.ini</c>): the settings file written by <c>encore tune</c>
/// applied to the service's own retraining, as <c>encore train --settings</c> applies it: the section named after
/// <c>retrain.trainer</c> gives the trainer's settings and <c>[data] confidence</c>, when present, the confidence
/// transform. The file is read once at start-up; every problem is a configuration error naming the file.
/// </summary>
public static class RetrainSettingsFile
{
    /// <summary>The trainer settings and the confidence transform (null: keep retrain.confidence) of <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The file is missing or malformed (file and line named), has no section for <paramref name="trainer"/>, names a
    /// setting the trainer does not have, or a confidence that train's <c>--confidence</c> would refuse.
    /// </exception>
    public static (IReadOnlyDictionary<string, string> Settings, string? Confidence) Load(string path, string trainer)
    {
        Dictionary<string, Dictionary<string, string>> sections;
        try
        {
            sections = TunedSettingsFile.Read(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DataFormatException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"retrain.settings: {ex.Message}", ex);
        }
        if (!sections.TryGetValue(trainer, out var settings))
            throw new InvalidDataException($"retrain.settings: {path} has no [{trainer}] section for retrain.trainer '{trainer}' " +
                $"(sections: {string.Join(", ", sections.Keys.Select(k => $"[{k}]"))}); tune that model or set retrain.trainer to one of them.");
        string? confidence = null;
        if (sections.GetValueOrDefault("data")?.GetValueOrDefault("confidence") is { } fromFile)
        {
            confidence = fromFile.Trim().ToLowerInvariant();
            if (!Data.Aggregation.ConfidenceTransformNames.IsValid(confidence))
                throw new InvalidDataException($"retrain.settings: {path} [data] confidence = {fromFile}; the service's retraining takes what train's --confidence takes: {Data.Aggregation.ConfidenceTransformNames.Help}.");
        }
        try
        {
            _ = TrainerFactory.Create(new RetrainOptions { Trainer = trainer, TrainerSettings = settings });
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"retrain.settings: {path} [{trainer}]: {Guard.PlainMessage(ex)}", ex);
        }
        return (settings, confidence);
    }
}
