using Encore.Data.Content;

namespace Encore.Cli.Arguments;

/// <summary>Parses <c>--content auto|embedding|audio|both</c>.</summary>
internal static class ContentSourceArgument
{
    public const string Help = "track vectors: auto (the embedding column if imported, else the audio features), embedding, audio or both";

    public static TrackVectorSource Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => TrackVectorSource.Auto,
        "embedding" or "embeddings" => TrackVectorSource.Embedding,
        "audio" => TrackVectorSource.Audio,
        "both" => TrackVectorSource.Both,
        _ => throw new ArgumentException($"--content '{text}' must be auto, embedding, audio or both."),
    };
}
