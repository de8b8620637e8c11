using Encore.Core.Randomness;

namespace Encore.Data.Synthetic;

/// <summary>
/// Seeded, pronounceable names for the synthetic catalogue: artists ("Feitu Tebraitran"), albums
/// and track titles ("Potam", "Deibrebra"). Words are built from consonant-vowel syllables with an optional final
/// consonant, so every word can be read aloud. A name depends only on (seed, kind, index): the same world
/// seed always gives the same names, and the generation of one entity never shifts another's name.
/// Names are not guaranteed unique; ids stay the identity.
/// </summary>
internal static class PronounceableNames
{
    private static readonly string[] Onsets =
    [
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kl", "st", "tr", "sh", "ch", "th", "gr", "fl",
    ];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ou", "ia", "ei"];

    private static readonly string[] Codas = ["", "", "", "", "n", "r", "l", "s", "m", "th", "x"];

    /// <summary>Stream numbers so artist, album and track names never share a random sequence.</summary>
    private const ulong ArtistStream = 0xA127, AlbumStream = 0xA1B0, TrackStream = 0x7EAC;

    /// <summary>An artist: a two-word name, e.g. "Feitu Tebraitran".</summary>
    public static string Artist(ulong seed, int index) => Words(Rng.Fork(seed ^ ArtistStream, (ulong)index), 2, 2);

    /// <summary>An album: one or two words.</summary>
    public static string Album(ulong seed, int index) => Words(Rng.Fork(seed ^ AlbumStream, (ulong)index), 1, 2);

    /// <summary>A track title: one to three words, e.g. "Potam".</summary>
    public static string Track(ulong seed, int index) => Words(Rng.Fork(seed ^ TrackStream, (ulong)index), 1, 3);

    private static string Words(Rng rng, int min, int max)
    {
        var count = rng.NextInt(min, max + 1);
        var words = new string[count];
        for (var w = 0; w < count; w++) words[w] = Word(ref rng);
        return string.Join(' ', words);
    }

    private static string Word(ref Rng rng)
    {
        var syllables = rng.NextInt(2, 4);
        var chars = new System.Text.StringBuilder(12);
        for (var s = 0; s < syllables; s++)
        {
            chars.Append(Onsets[rng.NextInt(Onsets.Length)]).Append(Vowels[rng.NextInt(Vowels.Length)]);
        }
        chars.Append(Codas[rng.NextInt(Codas.Length)]);
        chars[0] = char.ToUpperInvariant(chars[0]);
        return chars.ToString();
    }
}
