using System.Globalization;
using System.Reflection;
using System.Text;

namespace Encore.Evaluation.Experiments;

/// <summary>
/// Sets init-only properties of an options record from strings (the record's own setters validate each value)
/// and describes an options object as key -> text. Reflection runs once per trainer, never in a hot loop.
/// </summary>
internal static class OptionsBinder
{
    public static T Bind<T>(T defaults, string model, IReadOnlyDictionary<string, string>? settings, ulong? seed) where T : class
    {
        var properties = Settable(defaults.GetType());
        // Records clone through their copy constructor ("with"); reflection reaches it via the compiler's <Clone>$.
        var clone = (T)defaults.GetType().GetMethod("<Clone>$")!.Invoke(defaults, null)!;
        if (seed is { } s && properties.TryGetValue("seed", out var seedProperty)) seedProperty.SetValue(clone, s);
        foreach (var (key, text) in settings ?? new Dictionary<string, string>())
        {
            if (!properties.TryGetValue(Loose(key), out var property))
                throw new ArgumentException($"model '{model}' has no setting '{key}'; settings: {string.Join(", ", properties.Values.Select(p => Kebab(p.Name)).Order(StringComparer.Ordinal))}.");
            var value = Parse(property.PropertyType, text, model, key);
            try
            {
                property.SetValue(clone, value);
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentException inner)
            {
                throw new ArgumentException($"model '{model}' setting '{key}' = '{text}': {inner.Message}", inner);
            }
        }
        return clone;
    }

    public static IReadOnlyDictionary<string, string> Describe(object options)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in Settable(options.GetType()).Values.OrderBy(p => p.Name, StringComparer.Ordinal))
            result[Kebab(property.Name)] = Format(property.GetValue(options));
        return result;
    }

    private static Dictionary<string, PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.Name != "EqualityContract")
            .ToDictionary(p => Loose(p.Name), StringComparer.Ordinal);

    private static object Parse(Type type, string text, string model, string key)
    {
        var ci = CultureInfo.InvariantCulture;
        try
        {
            if (type.IsEnum)
                foreach (var name in Enum.GetNames(type))
                    if (Loose(name) == Loose(text)) return Enum.Parse(type, name);
            if (type.IsEnum)
                throw new FormatException($"expected one of {string.Join(", ", Enum.GetNames(type).Select(Kebab))}");
            return Type.GetTypeCode(type) switch
            {
                TypeCode.Int32 => int.Parse(text, NumberStyles.Integer, ci),
                TypeCode.UInt64 => ulong.Parse(text, NumberStyles.Integer, ci),
                TypeCode.Double => double.Parse(text, NumberStyles.Float, ci),
                TypeCode.Single => float.Parse(text, NumberStyles.Float, ci),
                TypeCode.Boolean => bool.Parse(text),
                _ => throw new FormatException($"settings of type {type.Name} cannot be given on the command line"),
            };
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"model '{model}' setting '{key}': cannot read '{text}' as {type.Name} ({e.Message}).", e);
        }
        catch (OverflowException e)
        {
            throw new ArgumentException($"model '{model}' setting '{key}': '{text}' is out of range for {type.Name}.", e);
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        Enum e => Kebab(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "",
    };

    /// <summary>"CgSteps" -> "cg-steps".</summary>
    internal static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Lower case without '-', '_' and spaces, so "cg-steps", "cg_steps" and "CgSteps" match.</summary>
    internal static string Loose(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            if (c is not ('-' or '_' or ' ')) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
