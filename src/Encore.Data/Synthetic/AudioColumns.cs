namespace Encore.Data.Synthetic;

/// <summary>Positions of the non-unit-range features in <see cref="Model.AudioFeatures.Names"/>.</summary>
internal static class AudioColumns
{
    public const int Key = 2;
    public const int Loudness = 3;
    public const int Tempo = 9;
}
