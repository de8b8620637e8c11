namespace Encore.Online.Serving;

/// <summary>
/// How the serving chain sees a user for one request: a known user index (<see cref="ServingPath.Model"/>),
/// or a history of known items to fold in, or nothing (popularity).
/// </summary>
internal sealed record UserProfile(string Path, int User, int[] Items, float[] Values, int IgnoredTracks)
{
    public static UserProfile Known(int user) => new(ServingPath.Model, user, [], [], 0);
}
