namespace Encore.Online.Experiments;

/// <summary>
/// An A/B experiment: two or more variants with traffic shares, and a salt that makes its user assignment
/// independent of every other experiment's. The first variant is the control every other one is compared with.
/// </summary>
public sealed record AbExperiment
{
    /// <value>Experiment name (letters, digits, '-', '_', '.'; 1-64 characters).</value>
    public required string Name { get; init; }

    /// <value>Hash salt; default the name. Changing it reshuffles every user.</value>
    public string? Salt { get; init; }

    /// <value>Two or more variants; the first is the control.</value>
    public required IReadOnlyList<AbVariant> Variants { get; init; }

    /// <summary>The salt actually hashed (<see cref="Salt"/>, else <see cref="Name"/>).</summary>
    public string EffectiveSalt => Salt ?? Name;

    /// <summary>Checks names, count and shares.</summary>
    /// <exception cref="ArgumentException">Fewer than two variants, a null variant (JSON <c>null</c> in the list), a
    /// repeated or empty name, a share outside (0, 1], shares not summing to 1 (within 1e-6), or a variant with neither
    /// or both of model and policy.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 64 || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ArgumentException($"experiment name '{Name}' must be 1-64 letters, digits, '-', '_' or '.'.", nameof(Name));
        if (Variants is null || Variants.Count < 2) throw new ArgumentException($"experiment '{Name}' needs at least two variants.", nameof(Variants));
        var names = new HashSet<string>(StringComparer.Ordinal);
        double total = 0;
        for (var i = 0; i < Variants.Count; i++)
        {
            var v = Variants[i] ?? throw new ArgumentException(
                $"experiment '{Name}': variants[{i}] is null; expected {{\"name\", \"share\", \"model\"}} or {{\"name\", \"share\", \"policy\"}}.", nameof(Variants));
            if (string.IsNullOrWhiteSpace(v.Name) || !names.Add(v.Name))
                throw new ArgumentException($"experiment '{Name}': variant name '{v.Name}' is empty or repeated.", nameof(Variants));
            if (!(v.Share > 0 && v.Share <= 1))
                throw new ArgumentException($"experiment '{Name}': variant '{v.Name}' has share {v.Share}; expected a value in (0, 1].", nameof(Variants));
            if ((v.Model is null) == (v.Policy is null))
                throw new ArgumentException($"experiment '{Name}': variant '{v.Name}' must name exactly one of model and policy.", nameof(Variants));
            total += v.Share;
        }
        if (Math.Abs(total - 1) > 1e-6)
            throw new ArgumentException($"experiment '{Name}': variant shares sum to {total}; expected 1.", nameof(Variants));
    }
}
