namespace Encore.Core.Files;

/// <summary>
/// One word of a command that a message tells the user to run (<c>encore train 'my data' --model ...</c>): a path or
/// value printed into such a hint is quoted for a POSIX shell when it holds anything but plain path characters, so the
/// hint runs as printed when pasted (a path with a space, a quote or a <c>$</c> would otherwise split or expand).
/// </summary>
public static class ShellWord
{
    private const string PlainPunctuation = "_-./:=,@%+";

    /// <summary>
    /// <paramref name="word"/> unchanged when every character is a letter (any script: a shell passes them through), a
    /// digit or one of <c>_ - . / : = , @ % +</c>; otherwise wrapped in single quotes, each <c>'</c> written as
    /// <c>'\''</c>. The empty word becomes <c>''</c>.
    /// </summary>
    /// <param name="word">A path, id or value as the command line must receive it.</param>
    /// <returns>The word as it must be typed in sh / bash / zsh.</returns>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && word.All(IsPlain) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) => char.IsLetterOrDigit(c) || PlainPunctuation.Contains(c, StringComparison.Ordinal);
}
