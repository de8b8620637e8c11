using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Encore.Online.Experiments;

/// <summary>
/// Deterministic user-to-variant assignment: u = the first 53 bits of SHA-256(salt + "\n" + user) as a uniform
/// number in [0, 1), and the variant is the one whose cumulative share interval contains u. The same user always
/// gets the same variant of an experiment, on every process or silo, with no stored state; different salts give
/// independent assignments.
/// </summary>
public static class AbAssignment
{
    /// <summary>The uniform number in [0, 1) of <paramref name="user"/> under <paramref name="salt"/>.</summary>
    public static double Unit(string salt, string user)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(user);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(salt + "\n" + user), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Index of the variant <paramref name="user"/> belongs to.</summary>
    public static int Assign(AbExperiment experiment, string user)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var u = Unit(experiment.EffectiveSalt, user);
        double cumulative = 0;
        for (var i = 0; i < experiment.Variants.Count; i++)
        {
            cumulative += experiment.Variants[i].Share;
            if (u < cumulative) return i;
        }
        return experiment.Variants.Count - 1; // shares summing to 1 - 1e-7 leave a sliver: it goes to the last arm
    }
}
